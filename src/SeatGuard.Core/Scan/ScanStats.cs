namespace SeatGuard.Core.Scan;

/// <summary>How much a scan read and how long it took; how many findings the baseline and allow markers removed.</summary>
public sealed record ScanStats(long Files, long Bytes, double Seconds, int Commits, int Baselined, int Allowed);
