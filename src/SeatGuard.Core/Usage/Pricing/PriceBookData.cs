using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// A price book as its file spells it (<c>seatguard/price-book@1</c>): the embedded
/// <c>Usage/Pricing/price-book.data.json</c>, a book imported with <c>seatguard pricing update</c>, or a user's
/// <c>pricing.json</c>. <see cref="PriceBook"/> validates and compiles it.
/// </summary>
public sealed record PriceBookData
{
    /// <summary>The schema name a SeatGuard price book declares.</summary>
    public const string SchemaName = "seatguard/price-book@1";

    [JsonPropertyName("schema"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Schema { get; init; }
    [JsonPropertyName("asOf")] public string AsOf { get; init; } = "";
    [JsonPropertyName("currency"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Currency { get; init; }
    [JsonPropertyName("unit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Unit { get; init; }
    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }
    /// <summary>Where <c>pricing update</c> imported it from (a file or URL), and when.</summary>
    [JsonPropertyName("importedFrom"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ImportedFrom { get; init; }
    [JsonPropertyName("importedAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ImportedAt { get; init; }
    [JsonPropertyName("notes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Notes { get; init; }
    /// <summary>Older user files: the input-side size above which <c>longContext</c> rates apply (default 200,000).</summary>
    [JsonPropertyName("longContextThreshold"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? LongContextThreshold { get; init; }
    [JsonPropertyName("webSearchUsdPerRequest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? WebSearchUsdPerRequest { get; init; }
    [JsonPropertyName("regional"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RegionalMultiplier>? Regional { get; init; }
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PriceSource>? Sources { get; init; }
    [JsonPropertyName("models")] public List<ModelPrice>? Models { get; init; }
    [JsonPropertyName("plans"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PlanPrice>? Plans { get; init; }
}
