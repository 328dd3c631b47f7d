namespace SeatGuard.Core.Scan;

/// <summary>What to scan and how.</summary>
public sealed record ScanOptions
{
    public IReadOnlyList<string> Paths { get; init; } = ["."];
    public bool History { get; init; }
    public string? BaselinePath { get; init; }
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Worker threads; the CLI passes one per core.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Reported paths are relative to this directory when inside it (default: the first path, or its directory).</summary>
    public string? RelativeTo { get; init; }
    /// <summary>List every file not read, with its reason, in <see cref="ScanReport.SkippedFiles"/> (<c>--verbose</c>).</summary>
    public bool ListSkipped { get; init; }
}
