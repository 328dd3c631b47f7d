using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A model's rates from <see cref="From"/> (inclusive) until <see cref="Until"/> (exclusive), UTC dates
/// (<c>2026-10-07</c>) or instants (<c>2026-02-17T08:00:00Z</c>), either open; with the prompt-length bands that apply
/// in that period.
/// </summary>
public sealed record RatePeriod
{
    /// <summary>The first UTC date or instant the rates apply (inclusive); null when open.</summary>
    [JsonPropertyName("from"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? From { get; init; }
    /// <summary>The UTC date or instant the rates stop applying (exclusive); null when open.</summary>
    [JsonPropertyName("until"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Until { get; init; }
    /// <summary>USD per million input tokens.</summary>
    [JsonPropertyName("input")] public double Input { get; init; }
    /// <summary>USD per million output tokens.</summary>
    [JsonPropertyName("output")] public double Output { get; init; }
    /// <summary>USD per million tokens written to the 5-minute cache.</summary>
    [JsonPropertyName("cacheWrite5m")] public double CacheWrite5m { get; init; }
    /// <summary>USD per million tokens written to the 1-hour cache.</summary>
    [JsonPropertyName("cacheWrite1h")] public double CacheWrite1h { get; init; }
    /// <summary>USD per million tokens read from the cache.</summary>
    [JsonPropertyName("cacheRead")] public double CacheRead { get; init; }
    /// <summary>Prompt-length bands with higher rates in this period; null when there are none.</summary>
    [JsonPropertyName("bands"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PromptBand>? Bands { get; init; }
    /// <summary>Ids of the book's sources these rates come from.</summary>
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    /// <summary>How sure the book is of these rates (free text).</summary>
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    /// <summary>Free-text note about these rates.</summary>
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    /// <summary><see cref="From"/> as Unix milliseconds (long.MinValue when open); set when a book is compiled.</summary>
    [JsonIgnore] public long FromMs { get; init; } = long.MinValue;
    /// <summary><see cref="Until"/> as Unix milliseconds (long.MaxValue when open).</summary>
    [JsonIgnore] public long UntilMs { get; init; } = long.MaxValue;

    /// <summary>The period's five standard rates as one rate card.</summary>
    [JsonIgnore] public Rates Card => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);

    /// <summary>True when the instant is in this period (from inclusive, until exclusive).</summary>
    public bool Covers(long timestampMs) => timestampMs >= FromMs && timestampMs < UntilMs;
}
