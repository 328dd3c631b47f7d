using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>SeatGuard's properties of a SARIF rule.</summary>
/// <param name="Tags">Tags for code-scanning filters.</param>
/// <param name="SecuritySeverity">GitHub's security-severity score.</param>
/// <param name="Tier">green, gray or red.</param>
/// <param name="Scenario">The policy-book scenario the rule maps to, or null.</param>
public sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("security-severity")] string SecuritySeverity,
    string Tier,
    string? Scenario);
