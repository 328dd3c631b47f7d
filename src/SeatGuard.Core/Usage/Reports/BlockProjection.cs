using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Where the active block ends up at its current burn rate.</summary>
/// <param name="TotalTokens">Projected tokens.</param>
/// <param name="TotalCost">Projected cost in dollars.</param>
/// <param name="RemainingMinutes">Minutes left in the block.</param>
public sealed record BlockProjection(
    [property: JsonPropertyName("totalTokens")] long TotalTokens,
    [property: JsonPropertyName("totalCost")] double TotalCost,
    [property: JsonPropertyName("remainingMinutes")] long RemainingMinutes);
