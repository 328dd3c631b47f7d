using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One counted request of a session (<c>session --id</c>, ccusage's field names).</summary>
/// <param name="Timestamp">When the request was made (ISO 8601, UTC).</param>
/// <param name="Model">The model the transcript names.</param>
/// <param name="InputTokens">Input tokens.</param>
/// <param name="OutputTokens">Output tokens.</param>
/// <param name="CacheCreationTokens">Cache writes (5-minute and 1-hour).</param>
/// <param name="CacheReadTokens">Cache reads.</param>
/// <param name="CostUsd">The request's cost (null when its model has no price); ccusage mode: the line's own costUSD, else 0, as ccusage shows it.</param>
public sealed record SessionEntryRow(
    [property: JsonPropertyName("timestamp")] string Timestamp,
    [property: JsonPropertyName("model")] string Model,
    [property: JsonPropertyName("inputTokens")] long InputTokens,
    [property: JsonPropertyName("outputTokens")] long OutputTokens,
    [property: JsonPropertyName("cacheCreationTokens")] long CacheCreationTokens,
    [property: JsonPropertyName("cacheReadTokens")] long CacheReadTokens,
    [property: JsonPropertyName("costUSD")] double? CostUsd);
