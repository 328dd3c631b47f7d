using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

public sealed record StatusLineCost(
    [property: JsonPropertyName("total_cost_usd")] decimal? TotalCostUsd = null);
