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

    /// <summary>The schema the file declares (<see cref="SchemaName"/>); null in older user files.</summary>
    [JsonPropertyName("schema"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Schema { get; init; }
    /// <summary>The date (<c>yyyy-MM-dd</c>) the book's prices were last checked.</summary>
    [JsonPropertyName("asOf")] public string AsOf { get; init; } = "";
    /// <summary>The currency of every price (<c>USD</c>).</summary>
    [JsonPropertyName("currency"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Currency { get; init; }
    /// <summary>The unit of every token rate (<c>USD per million tokens</c>).</summary>
    [JsonPropertyName("unit"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Unit { get; init; }
    /// <summary>Free text: where the book's numbers come from.</summary>
    [JsonPropertyName("source"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Source { get; init; }
    /// <summary>Where <c>pricing update</c> imported it from (a file or URL), and when.</summary>
    [JsonPropertyName("importedFrom"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ImportedFrom { get; init; }
    /// <summary>When <c>pricing update</c> imported the book (an ISO 8601 instant).</summary>
    [JsonPropertyName("importedAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? ImportedAt { get; init; }
    /// <summary>Free-text notes on the book.</summary>
    [JsonPropertyName("notes"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Notes { get; init; }
    /// <summary>Older user files: the input-side size above which <c>longContext</c> rates apply (default 200,000).</summary>
    [JsonPropertyName("longContextThreshold"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public long? LongContextThreshold { get; init; }
    /// <summary>USD charged per web-search request (0 when absent).</summary>
    [JsonPropertyName("webSearchUsdPerRequest"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public double? WebSearchUsdPerRequest { get; init; }
    /// <summary>Multipliers applied to requests served in a given region.</summary>
    [JsonPropertyName("regional"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<RegionalMultiplier>? Regional { get; init; }
    /// <summary>The sources the book cites; models and rates refer to them by id.</summary>
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PriceSource>? Sources { get; init; }
    /// <summary>The priced models.</summary>
    [JsonPropertyName("models")] public List<ModelPrice>? Models { get; init; }
    /// <summary>Subscription plans and their prices, when the book lists them.</summary>
    [JsonPropertyName("plans"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<PlanPrice>? Plans { get; init; }
}
