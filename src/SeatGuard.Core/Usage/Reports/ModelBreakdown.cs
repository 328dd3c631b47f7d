using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

// Report rows. Property names are ccusage 20.0.24's (`ccusage claude <report> --json`), so scripts work unchanged.
/// <summary>One model's part of a row.</summary>
public sealed class ModelBreakdown
{
    /// <summary>The model.</summary>
    [JsonPropertyName("modelName")] public required string ModelName { get; init; }
    /// <summary>Input tokens.</summary>
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    /// <summary>Output tokens.</summary>
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    /// <summary>Cache-creation tokens.</summary>
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    /// <summary>Cache-read tokens.</summary>
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    /// <summary>Null when the model has no price (unknown, never shown as 0); ccusage mode shows ccusage's 0.</summary>
    [JsonPropertyName("cost")] public double? Cost { get; set; }
    /// <summary>True when the model has no price (ccusage's field); absent otherwise.</summary>
    [JsonPropertyName("missingPricing"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public bool? MissingPricing { get; set; }

    /// <summary>All tokens of this model: input, output, cache writes and cache reads.</summary>
    [JsonIgnore] public long TotalTokens => InputTokens + OutputTokens + CacheCreationTokens + CacheReadTokens;
}
