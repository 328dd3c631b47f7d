using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record TokenLimitStatus(
    [property: JsonPropertyName("limit")] long Limit,
    [property: JsonPropertyName("projectedUsage")] long ProjectedUsage,
    [property: JsonPropertyName("percentUsed")] double PercentUsed,
    [property: JsonPropertyName("status")] string Status);
