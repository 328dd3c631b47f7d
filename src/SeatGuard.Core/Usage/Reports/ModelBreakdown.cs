using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

// Report rows. Property names are ccusage 20.0.24's (`ccusage claude <report> --json`), so scripts work unchanged.
public sealed class ModelBreakdown
{
    [JsonPropertyName("modelName")] public required string ModelName { get; init; }
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    /// <summary>Null when the model is not in the pricing table (unknown, never shown as 0).</summary>
    [JsonPropertyName("cost")] public double? Cost { get; set; }
}
