namespace SeatGuard.Core.Scan;

/// <summary>What a scan found, and what it looked at.</summary>
public sealed record ScanReport(IReadOnlyList<ScanFinding> Findings, ScanStats Stats);
