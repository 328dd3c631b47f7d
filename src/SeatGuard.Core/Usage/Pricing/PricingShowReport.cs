using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>seatguard pricing show --json</c>: the effective price book, the files it came from, and every model's rates now.</summary>
public sealed class PricingShowReport
{
    [JsonPropertyName("asOf")] public required string AsOf { get; init; }
    [JsonPropertyName("currency")] public string Currency { get; init; } = "USD";
    [JsonPropertyName("unit")] public string Unit { get; init; } = "USD per million tokens";
    [JsonPropertyName("layers")] public required List<PriceBookLayer> Layers { get; init; }
    [JsonPropertyName("current")] public required List<CurrentPrice> Current { get; init; }
    [JsonPropertyName("book")] public required PriceBookData Book { get; init; }
}
