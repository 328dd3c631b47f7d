using SeatGuard.TestKit;
using SeatGuard.Core.Scan;

namespace SeatGuard.Tests.Scan;

/// <summary>A throw-away directory tree to scan; files are written at test time.</summary>
internal sealed class ScanSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "seatguard-scan-" + Guid.NewGuid().ToString("N")[..12]);

    public ScanSandbox() => Directory.CreateDirectory(Root);

    public string Write(string relativePath, string text)
    {
        var full = Path.Combine(Root, relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllText(full, text);
        return full;
    }

    public ScanReport Scan(RuleBook? rules = null, bool history = false, string? baseline = null) =>
        TestScanner.Create(rules ?? RuleBook.Load()).Scan(new ScanOptions { Paths = [Root], RelativeTo = Root, History = history, BaselinePath = baseline, Threads = 2 });

    public void Dispose()
    {
        try
        {
            foreach (var f in Directory.EnumerateFiles(Root, "*", SearchOption.AllDirectories)) File.SetAttributes(f, FileAttributes.Normal);
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
