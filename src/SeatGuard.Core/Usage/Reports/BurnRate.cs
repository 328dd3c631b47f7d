using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record BurnRate(
    [property: JsonPropertyName("tokensPerMinute")] double TokensPerMinute,
    [property: JsonPropertyName("tokensPerMinuteForIndicator")] double TokensPerMinuteForIndicator,
    [property: JsonPropertyName("costPerHour")] double CostPerHour);
