using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

public sealed record SarifRuleProperties(
    IReadOnlyList<string> Tags,
    [property: JsonPropertyName("security-severity")] string SecuritySeverity,
    string Tier,
    string? Scenario);
