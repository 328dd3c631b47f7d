using SeatGuard.Core.Common;

namespace SeatGuard.Core.Scan;

/// <summary>A finding as reported (JSON, SARIF, table). Secrets appear only redacted.</summary>
public sealed record ScanFinding(
    string Rule,
    Tier Tier,
    string Path,
    int Line,
    int Column,
    string Message,
    string Fix,
    string Fingerprint,
    string? Secret,
    string Title,
    string? Scenario,
    string? Commit);
