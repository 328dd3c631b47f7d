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
    /// <summary>Null when the model has no price (unknown, never shown as 0); ccusage mode shows ccusage's 0.</summary>
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    /// <summary>True when the model has no price (ccusage's field); absent otherwise.</summary>
    [JsonPropertyName("missingPricing"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? MissingPricing { get; set; }

    [JsonIgnore] public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
}
