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
    string? Commit)
{
    /// <summary>How the secret was written when it was not plain text: <c>base64</c>, <c>utf-16</c>, <c>json-escape</c>; null for plain text.</summary>
    public string? Encoding { get; init; }
}
