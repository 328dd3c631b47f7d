using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>The latest scan: what was scanned, when, and its findings counted by rule.</summary>
public sealed record ScanSummary(string Target, DateTimeOffset ScannedAt, IReadOnlyList<FindingCount> Findings);
