using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>API-equivalent cost against a plan's monthly price (not in ccusage).</summary>
public sealed record PlanComparison(
    [property: JsonPropertyName("plan")] string Plan,
    [property: JsonPropertyName("monthlyUsd")] double MonthlyUsd,
    [property: JsonPropertyName("months")] int Months,
    [property: JsonPropertyName("planCost")] double PlanCost,
    [property: JsonPropertyName("apiEquivalentCost")] double ApiEquivalentCost,
    [property: JsonPropertyName("ratio")] double Ratio);
