namespace SeatGuard.Core.Scan;

/// <summary>How much a scan read and how long it took; how many findings the baseline and allow markers removed.</summary>
public sealed record ScanStats(long Files, long Bytes, double Seconds, int Commits, int Baselined, int Allowed)
{
    /// <summary>Files the scan found but did not read, by reason (listed one by one with <c>--verbose</c>).</summary>
    public ScanSkipped Skipped { get; init; } = new(0, 0, 0, 0);

    /// <summary>Files git tracks although an ignore rule hides them (force-added), scanned anyway.</summary>
    public long TrackedIgnored { get; init; }
}
