using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>The active block's burn rate.</summary>
/// <param name="TokensPerMinute">All tokens per minute.</param>
/// <param name="TokensPerMinuteForIndicator">Input and output tokens per minute (ccusage's indicator).</param>
/// <param name="CostPerHour">Dollars per hour.</param>
public sealed record BurnRate(
    [property: JsonPropertyName("tokensPerMinute")] double TokensPerMinute,
    [property: JsonPropertyName("tokensPerMinuteForIndicator")] double TokensPerMinuteForIndicator,
    [property: JsonPropertyName("costPerHour")] double CostPerHour);
