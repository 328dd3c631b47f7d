using SeatGuard.Core.Common.Files;
using System.Text;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Keeps the exact machine-readable output (JSON or CSV, and its stderr notes) of a period report, keyed by
/// everything the output depends on: the transcripts' signature, the command line, the environment that
/// selects config dirs and time zone, the pricing override, the ledger, and this program's build. An
/// unchanged question about unchanged transcripts is then answered without loading them. Reports that depend
/// on the current time (blocks) are never cached; <c>--no-cache</c> bypasses it.
/// </summary>
public static class ReportOutputCache
{
    private const int Keep = 32;
    private static ReadOnlySpan<byte> Magic => "SGOUT001"u8;

    /// <summary>The usage cache database path the outputs are kept beside.</summary>
    public static string CacheFile(Common.HostContext host, UsageLoadOptions options) => options.CachePath ?? UsageStore.DefaultPath(host);

    /// <summary>The cache key of one question: the transcripts' signature, the command line, the context that changes the answer, and the files whose stamps count.</summary>
    public static ulong Key(ulong inputSignature, IEnumerable<string> commandLine, IEnumerable<string?> context, IEnumerable<string> stampedFiles)
    {
        var sb = new StringBuilder();
        sb.Append(inputSignature).Append('\0');
        foreach (var a in commandLine) sb.Append(a).Append('\u0001');
        sb.Append('\0');
        foreach (var c in context) sb.Append(c).Append('\u0001');
        sb.Append('\0');
        foreach (var f in stampedFiles.Append(Environment.ProcessPath ?? ""))
        {
            var info = f.Length == 0 ? null : new FileInfo(f);
            sb.Append(f).Append('\t').Append(info is { Exists: true } ? $"{info.Length}:{info.LastWriteTimeUtc.Ticks}" : "-").Append('\u0001');
        }
        sb.Append(BuildId.Value);
        return StableHash.Of(sb.ToString());
    }

    /// <summary>This build's identity (module version id), so a rebuilt program never reuses an older one's output.</summary>
    private static readonly Lazy<string> BuildId = new(() =>
    {
        try { return typeof(ReportOutputCache).Assembly.ManifestModule.ModuleVersionId.ToString(); }
        catch (Exception e) when (e is NotSupportedException or InvalidOperationException) { return ""; }
    });

    /// <summary>The cached stdout and stderr for <paramref name="key"/>, or null.</summary>
    public static (string StdOut, string StdErr)? TryGet(string cacheDbPath, ulong key)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathFor(cacheDbPath, key));
            if (bytes.Length < 12 || !bytes.AsSpan(0, 8).SequenceEqual(Magic)) return null;
            int errLength = BitConverter.ToInt32(bytes, 8);
            if (errLength < 0 || 12 + errLength > bytes.Length) return null;
            return (Encoding.UTF8.GetString(bytes, 12 + errLength, bytes.Length - 12 - errLength), Encoding.UTF8.GetString(bytes, 12, errLength));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>Stores an output atomically and keeps only the most recent few.</summary>
    public static void Store(string cacheDbPath, ulong key, string stdout, string stderr)
    {
        try
        {
            var path = PathFor(cacheDbPath, key);
            var err = Encoding.UTF8.GetBytes(stderr);
            using var buffer = new MemoryStream();
            buffer.Write(Magic);
            buffer.Write(BitConverter.GetBytes(err.Length));
            buffer.Write(err);
            buffer.Write(Encoding.UTF8.GetBytes(stdout));
            AtomicFile.WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), PrivateFile.Mode, durable: false); // a cache: lost on a crash, never wrong
            var old = new DirectoryInfo(Path.GetDirectoryName(path)!).GetFiles("usage-output-*.bin")
                .OrderByDescending(fi => fi.LastWriteTimeUtc).Skip(Keep);
            foreach (var fi in old) fi.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that cannot be written only costs time.
        }
    }

    private static string PathFor(string cacheDbPath, ulong key) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cacheDbPath))!, $"usage-output-{key:x16}.bin");
}
