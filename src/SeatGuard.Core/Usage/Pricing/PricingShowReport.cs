using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>seatguard pricing show --json</c>: the effective price book, the files it came from, and every model's rates now.</summary>
public sealed class PricingShowReport
{
    /// <summary>The effective book's <see cref="PriceBookData.AsOf"/> date.</summary>
    [JsonPropertyName("asOf")] public required string AsOf { get; init; }
    /// <summary>The currency of every price (<c>USD</c>).</summary>
    [JsonPropertyName("currency")] public string Currency { get; init; } = "USD";
    /// <summary>The unit of every token rate.</summary>
    [JsonPropertyName("unit")] public string Unit { get; init; } = "USD per million tokens";
    /// <summary>The files the effective book was built from, in the order they were applied.</summary>
    [JsonPropertyName("layers")] public required List<PriceBookLayer> Layers { get; init; }
    /// <summary>Every model's rates in effect now.</summary>
    [JsonPropertyName("current")] public required List<CurrentPrice> Current { get; init; }
    /// <summary>The effective price book itself.</summary>
    [JsonPropertyName("book")] public required PriceBookData Book { get; init; }
}
