namespace SeatGuard.Core.Scan;

/// <summary>What a scan found, and what it looked at.</summary>
public sealed record ScanReport(IReadOnlyList<ScanFinding> Findings, ScanStats Stats)
{
    /// <summary>What the scan could not do and the user should know (git refused a repository, git is missing…).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Every file not read, with the reason; filled when asked for (<see cref="ScanOptions.ListSkipped"/>, <c>--verbose</c>).</summary>
    public IReadOnlyList<SkippedFile> SkippedFiles { get; init; } = [];
}
