using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One rate card: USD per million tokens of each kind.</summary>
public sealed record Rates(
    [property: JsonPropertyName("input")] double Input,
    [property: JsonPropertyName("output")] double Output,
    [property: JsonPropertyName("cacheWrite5m")] double CacheWrite5m,
    [property: JsonPropertyName("cacheWrite1h")] double CacheWrite1h,
    [property: JsonPropertyName("cacheRead")] double CacheRead)
{
    /// <summary>Every rate times <paramref name="factor"/> (a regional multiplier).</summary>
    public Rates Times(double factor) => factor == 1 ? this : new(Input * factor, Output * factor, CacheWrite5m * factor, CacheWrite1h * factor, CacheRead * factor);

    /// <summary>USD for the given token counts at these rates.</summary>
    public double Price(long input, long output, long cacheWrite5m, long cacheWrite1h, long cacheRead) =>
        (input * Input + output * Output + cacheWrite5m * CacheWrite5m + cacheWrite1h * CacheWrite1h + cacheRead * CacheRead) / 1_000_000d;
}
