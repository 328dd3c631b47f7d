using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One counted request of a session (<c>session --id</c>, ccusage's field names).</summary>
public sealed record SessionEntryRow(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("inputTokens")] long InputTokens,
    [property: JsonPropertyName("outputTokens")] long OutputTokens,
    [property: JsonPropertyName("cacheCreationTokens")] long CacheCreationTokens,
    [property: JsonPropertyName("cacheReadTokens")] long CacheReadTokens,
    /// <summary>The request's cost (null when its model has no price); ccusage mode: the line's own costUSD, else 0, as ccusage shows it.</summary>
    [property: JsonPropertyName("costUSD")] double? CostUsd);
