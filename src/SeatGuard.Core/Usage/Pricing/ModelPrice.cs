using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// One model of a price book: its id (the first-party API id without a date where an undated alias exists), the other
/// ids transcripts write for it (<see cref="Aliases"/>), and its dated rates, prompt bands and fast-mode rates; or
/// <see cref="SameRatesAs"/> another model. The flat <c>input</c> … <c>longContext</c> fields are the older user-file
/// shape (one period, a long-context band at the book's threshold).
/// </summary>
public sealed record ModelPrice
{
    /// <summary>The model's id: the first-party API id, without a date where an undated alias exists.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>The model's human-readable name, when the book gives one.</summary>
    [JsonPropertyName("displayName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DisplayName { get; init; }
    /// <summary>The model family (for example Opus, Sonnet or Haiku), when the book gives one.</summary>
    [JsonPropertyName("family"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Family { get; init; }
    /// <summary>Other ids transcripts write for this model (dated ids, provider ids); each prices as this model.</summary>
    [JsonPropertyName("aliases"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Aliases { get; init; }
    /// <summary>The release date (<c>yyyy-MM-dd</c>), when known.</summary>
    [JsonPropertyName("released"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Released { get; init; }
    /// <summary>How sure the book is of <see cref="Released"/> (for example <c>approximate</c>).</summary>
    [JsonPropertyName("releasedConfidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ReleasedConfidence { get; init; }
    /// <summary>Free-text lifecycle status (for example <c>retired</c> or <c>deprecated, retires …</c>), when the book gives one.</summary>
    [JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    /// <summary>Free-text note on where the model is offered, when the book gives one.</summary>
    [JsonPropertyName("availability"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Availability { get; init; }
    /// <summary>Free-text note about this model's prices.</summary>
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }
    /// <summary>Ids of the book's <see cref="PriceBookData.Sources"/> these prices come from.</summary>
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    /// <summary>How sure the book is of these prices (free text, for example <c>official</c>).</summary>
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    /// <summary>The id of another model whose rates (standard and fast) this model shares; set instead of <see cref="Rates"/>.</summary>
    [JsonPropertyName("sameRatesAs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SameRatesAs { get; init; }
    /// <summary>The model's standard rates, one entry per dated period.</summary>
    [JsonPropertyName("rates"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RatePeriod>? Rates { get; init; }
    /// <summary>The model's fast-mode rates, one entry per dated period; null when the model has no fast mode.</summary>
    [JsonPropertyName("fast"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RatePeriod>? Fast { get; init; }

    /// <summary>Older user-file shape: USD per million input tokens (one period for all time).</summary>
    [JsonPropertyName("input"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Input { get; init; }
    /// <summary>Older user-file shape: USD per million output tokens.</summary>
    [JsonPropertyName("output"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Output { get; init; }
    /// <summary>Older user-file shape: USD per million tokens written to the 5-minute cache.</summary>
    [JsonPropertyName("cacheWrite5m"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheWrite5m { get; init; }
    /// <summary>Older user-file shape: USD per million tokens written to the 1-hour cache.</summary>
    [JsonPropertyName("cacheWrite1h"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheWrite1h { get; init; }
    /// <summary>Older user-file shape: USD per million tokens read from the cache.</summary>
    [JsonPropertyName("cacheRead"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheRead { get; init; }
    /// <summary>Older user-file shape: the rates above the book's <see cref="PriceBookData.LongContextThreshold"/>.</summary>
    [JsonPropertyName("longContext"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Rates? LongContext { get; init; }
}
