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
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("displayName"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? DisplayName { get; init; }
    [JsonPropertyName("family"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Family { get; init; }
    [JsonPropertyName("aliases"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Aliases { get; init; }
    [JsonPropertyName("released"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Released { get; init; }
    [JsonPropertyName("releasedConfidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ReleasedConfidence { get; init; }
    [JsonPropertyName("status"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Status { get; init; }
    [JsonPropertyName("availability"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Availability { get; init; }
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    [JsonPropertyName("sameRatesAs"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? SameRatesAs { get; init; }
    [JsonPropertyName("rates"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RatePeriod>? Rates { get; init; }
    [JsonPropertyName("fast"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RatePeriod>? Fast { get; init; }

    [JsonPropertyName("input"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Input { get; init; }
    [JsonPropertyName("output"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? Output { get; init; }
    [JsonPropertyName("cacheWrite5m"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheWrite5m { get; init; }
    [JsonPropertyName("cacheWrite1h"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheWrite1h { get; init; }
    [JsonPropertyName("cacheRead"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? CacheRead { get; init; }
    [JsonPropertyName("longContext"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public Rates? LongContext { get; init; }
}
