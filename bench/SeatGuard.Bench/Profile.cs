using System.Diagnostics;
using SeatGuard.Core.Usage;

/// <summary>Single-threaded timings of the transcript reader's stages (bench diagnostics, not a test).</summary>
internal static class Profile
{
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
            long entries = 0;
            foreach (var f in files) entries += TranscriptParser.Scan(f.Source.Path, f.Source).Entries.Count;
            Console.WriteLine($"round {round}: read+split {read.TotalMilliseconds:0} ms ({bytes >> 20} MB, {lines} lines, {candidates} candidates, {candidateBytes >> 20} MB), scan {sw.Elapsed.TotalMilliseconds:0} ms ({entries} entries)");
        }
        return 0;
    }
}
