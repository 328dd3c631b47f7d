using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record BlockProjection(
    [property: JsonPropertyName("totalTokens")] long TotalTokens,
    [property: JsonPropertyName("totalCost")] double TotalCost,
    [property: JsonPropertyName("remainingMinutes")] long RemainingMinutes);
