namespace SeatGuard.Core.Scan;

/// <summary>What to scan and how.</summary>
public sealed record ScanOptions
{
    /// <summary>Files and directories to scan.</summary>
    public IReadOnlyList<string> Paths { get; init; } = ["."];
    /// <summary>Also scan the lines every commit added.</summary>
    public bool History { get; init; }
    /// <summary>Scan only what is staged in git's index (the pre-commit hook): the staged content of added, copied, modified and renamed files.</summary>
    public bool Staged { get; init; }
    /// <summary>A baseline whose findings are not reported.</summary>
    public string? BaselinePath { get; init; }
    /// <summary>Files larger than this are skipped.</summary>
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Worker threads; the CLI passes one per core.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Reported paths are relative to this directory when inside it (default: the first path, or its directory).</summary>
    public string? RelativeTo { get; init; }
    /// <summary>List every file not read, with its reason, in <see cref="ScanReport.SkippedFiles"/> (<c>--verbose</c>).</summary>
    public bool ListSkipped { get; init; }
}
