using System.Diagnostics;
using SeatGuard.Core.Usage;

/// <summary>Single-threaded timings of the transcript reader's stages (bench diagnostics, not a test).</summary>
internal static class Profile
{
    private static long tokenizeTicks;

    public static int Run(string configDir)
    {
        var files = TranscriptFiles.Find([configDir]);
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            long lines = 0, bytes = 0, candidates = 0, candidateBytes = 0;
            var buffer = new byte[4 << 20];
            foreach (var f in files)
            {
                using var s = File.OpenRead(f.Source.Path);
                int n;
                while ((n = s.Read(buffer)) > 0)
                {
                    bytes += n;
                    var span = buffer.AsSpan(0, n);
                    int i;
                    while ((i = span.IndexOf((byte)'\n')) >= 0)
                    {
                        lines++;
                        var line = span[..i];
                        if (line.IndexOf("\"usage\""u8) >= 0 && line.IndexOf("\"assistant\""u8) >= 0) { candidates++; candidateBytes += i; }
                        span = span[(i + 1)..];
                    }
                }
            }
            var read = sw.Elapsed;
            sw.Restart();
            long tokens = 0;
            foreach (var f in files)
            {
                foreach (var line in File.ReadLines(f.Source.Path))
                {
                    if (!line.Contains("\"usage\"", StringComparison.Ordinal) || !line.Contains("\"assistant\"", StringComparison.Ordinal)) continue;
                    var bytes8 = System.Text.Encoding.UTF8.GetBytes(line);
                    var t0 = Stopwatch.GetTimestamp();
                    var r = new System.Text.Json.Utf8JsonReader(bytes8);
                    try { while (r.Read()) tokens++; } catch (System.Text.Json.JsonException) { }
                    tokenizeTicks += Stopwatch.GetTimestamp() - t0;
                }
            }
            Console.WriteLine($"round {round}: tokenize only {Stopwatch.GetElapsedTime(0, tokenizeTicks).TotalMilliseconds:0} ms ({tokens} tokens)");
            tokenizeTicks = 0;
            sw.Restart();
            sw.Restart();
            long entries = 0;
            foreach (var f in files) entries += TranscriptParser.Scan(f.Source.Path, f.Source).Entries.Count;
            Console.WriteLine($"round {round}: read+split {read.TotalMilliseconds:0} ms ({bytes >> 20} MB, {lines} lines, {candidates} candidates, {candidateBytes >> 20} MB), scan {sw.Elapsed.TotalMilliseconds:0} ms ({entries} entries)");
        }
        return 0;
    }

    /// <summary>The whole cold load (no cache), three times in one process: the first pays for the JIT.</summary>
    public static int Load(string configDir)
    {
        var host = new SeatGuard.Core.Common.HostContext(new Dictionary<string, string>(), Path.GetTempPath(), Path.GetTempPath(), SeatGuard.Core.Common.HostOs.Linux);
        for (int round = 0; round < 3; round++)
        {
            var sw = Stopwatch.StartNew();
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            var data = UsageLoader.Load(host, new UsageLoadOptions { Roots = [configDir], UseCache = false });
            var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu0;
            Console.WriteLine($"load {round}: {sw.Elapsed.TotalMilliseconds:0} ms wall, {cpu.TotalMilliseconds:0} ms CPU, {data.Entries.Count} entries");
        }
        return 0;
    }
}
