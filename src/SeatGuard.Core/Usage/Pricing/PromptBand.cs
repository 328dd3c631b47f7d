using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Rates for a request whose prompt (input + cache writes + cache reads) is above <see cref="Above"/> tokens: every
/// token of that request, output included, is priced at these rates (Haiku 5.5's 100K band, the 1M-context premium).
/// </summary>
public sealed record PromptBand
{
    /// <summary>The prompt size in tokens (input + cache writes + cache reads) above which this band's rates apply.</summary>
    [JsonPropertyName("above")] public long Above { get; init; }
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
    /// <summary>Ids of the book's sources these rates come from.</summary>
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    /// <summary>How sure the book is of these rates (free text).</summary>
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    /// <summary>Free-text note about this band.</summary>
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    /// <summary>The band's five rates as one rate card.</summary>
    [JsonIgnore] public Rates Card => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);
}
