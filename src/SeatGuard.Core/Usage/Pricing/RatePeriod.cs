using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A model's rates from <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive), UTC dates
/// (<c>2026-10-07</c>) or instants (<c>2026-02-17T08:00:00Z</c>), either open; with the prompt-length bands that apply
/// in that period.
/// </summary>
public sealed record RatePeriod
{
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    [JsonPropertyName("until"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }
    [JsonPropertyName("input")] public double Input { get; init; }
    [JsonPropertyName("output")] public double Output { get; init; }
    [JsonPropertyName("cacheWrite5m")] public double CacheWrite5m { get; init; }
    [JsonPropertyName("cacheWrite1h")] public double CacheWrite1h { get; init; }
    [JsonPropertyName("cacheRead")] public double CacheRead { get; init; }
    [JsonPropertyName("bands"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PromptBand>? Bands { get; init; }
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    /// <summary><see cref="From"/> as Unix milliseconds (long.MinValue when open); set when a book is compiled.</summary>
    [JsonIgnore] public long FromMs { get; init; } = long.MinValue;
    /// <summary><see cref="Until"/> as Unix milliseconds (long.MaxValue when open).</summary>
    [JsonIgnore] public long UntilMs { get; init; } = long.MaxValue;

    [JsonIgnore] public Rates Card => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);

    /// <summary>True when the instant is in this period (from inclusive, until exclusive).</summary>
    public bool Covers(long timestampMs) => timestampMs >= FromMs && timestampMs < UntilMs;
}
