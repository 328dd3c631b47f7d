using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A block's tokens by kind.</summary>
public sealed class BlockTokenCounts
{
    /// <summary>Input tokens.</summary>
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    /// <summary>Output tokens.</summary>
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    /// <summary>Cache-creation input tokens.</summary>
    [JsonPropertyName("cacheCreationInputTokens")] public long CacheCreationInputTokens { get; set; }
    /// <summary>Cache-read input tokens.</summary>
    [JsonPropertyName("cacheReadInputTokens")] public long CacheReadInputTokens { get; set; }
}
