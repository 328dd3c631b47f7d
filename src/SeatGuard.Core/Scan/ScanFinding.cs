using SeatGuard.Core.Common;

namespace SeatGuard.Core.Scan;

/// <summary>
/// A finding as reported (JSON, SARIF, table). Secrets appear only redacted. <see cref="Confidence"/> is
/// <c>high</c> for a match in code or configuration and <c>low</c> for one in a comment, test, docs, example or
/// another scanner's rules (<see cref="Context"/> says which): a low-confidence finding is listed apart and
/// does not count for <c>--fail-on</c>.
/// </summary>
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
    string? Commit,
    string Confidence = FindingContext.High,
    string Context = FindingContext.Code)
{
    /// <summary>True unless the finding is low confidence; only high-confidence findings can fail a scan.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public bool IsHighConfidence => Confidence != FindingContext.Low;

    /// <summary>How the secret was written when it was not plain text: <c>base64</c>, <c>utf-16</c>, <c>json-escape</c>; null for plain text.</summary>
    public string? Encoding { get; init; }
}
