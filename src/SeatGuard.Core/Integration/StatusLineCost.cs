using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The cost part of Claude Code's status-line input.</summary>
/// <param name="TotalCostUsd">The session's cost so far, as Claude Code reports it.</param>
public sealed record StatusLineCost(
    [property: JsonPropertyName("total_cost_usd")] decimal? TotalCostUsd = null);
