using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage.Pricing;

/// <summary>
/// ccusage 20.0.24's prices, as the real binary charged them (measured with one 100,000-token request per token type,
/// <c>ccusage claude session --json --offline --mode calculate</c>; see docs/usage.md): its snapshot, its fuzzy matching,
/// and $0 for what it cannot match.
/// </summary>
public sealed class CcusagePricingTests
{
    private const string T = "2026-11-20T10:00:00.000Z";

    private static double Cost(string model, long input = 0, long output = 0, long cache5m = 0, long cache1h = 0, long cacheRead = 0, bool fast = false) =>
        CcusagePricing.Embedded.Cost(Lines.Entry(T, input, output, cache5m + cache1h, cacheRead, model, cache1h, fast: fast), out _);

    [Theory]
    [InlineData("claude-3-5-haiku-20241022", 0.8, 4.0, 1.0, 1.6, 0.08)]
    [InlineData("claude-3-5-haiku-latest", 0.8, 4.0, 1.0, 1.6, 0.08)]
    [InlineData("claude-3-5-sonnet-20241022", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-3-7-sonnet-20250219", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-3-7-sonnet-latest", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-3-haiku-20240307", 0.25, 1.25, 0.3, 0.5, 0.03)]
    [InlineData("claude-3-opus-20240229", 15.0, 75.0, 18.75, 30.0, 1.5)]
    [InlineData("claude-fable-5", 10.0, 50.0, 12.5, 20.0, 1.0)]
    [InlineData("claude-fable-5-1", 10.0, 50.0, 12.5, 20.0, 0.25)]
    [InlineData("claude-fable-5-2", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-haiku-3-5", 0.68, 3.4, 0.85, 1.36, 0.068)]
    [InlineData("claude-haiku-4-5", 1.0, 5.0, 1.25, 2.0, 0.1)]
    [InlineData("claude-haiku-4-5-20251001", 1.0, 5.0, 1.25, 2.0, 0.1)]
    [InlineData("claude-haiku-5-5", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-mythos-5", 10.0, 50.0, 12.5, 20.0, 1.0)]
    [InlineData("claude-mythos-5-1", 10.0, 50.0, 12.5, 20.0, 0.25)]
    [InlineData("claude-mythos-5-2", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-mythos-preview", 10.0, 50.0, 12.5, 20.0, 1.0)]
    [InlineData("claude-opus-4", 15.0, 75.0, 18.75, 30.0, 1.5)]
    [InlineData("claude-opus-4-0", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-opus-4-1", 15.0, 75.0, 18.75, 30.0, 1.5)]
    [InlineData("claude-opus-4-1-20250805", 15.0, 75.0, 18.75, 30.0, 1.5)]
    [InlineData("claude-opus-4-20250514", 15.0, 75.0, 18.75, 30.0, 1.5)]
    [InlineData("claude-opus-4-5", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-5-20251101", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-6", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-6[1m]", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-7", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-8", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-4-8[1m]", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-5", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-5-5", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-opus-5-5[1m]", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-opus-5[1m]", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("claude-opus-9-9", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-sonnet-3-7", 2.6, 13.0, 3.2, 5.2, 0.26)]
    [InlineData("claude-sonnet-4", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-0", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-sonnet-4-20250514", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-5", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-5-20250929", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-5-20250929[1m]", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-6", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-4-6[1m]", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("claude-sonnet-5", 2.0, 10.0, 2.5, 4.0, 0.2)]
    [InlineData("claude-sonnet-5-5", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("claude-sonnet-5-5[1m]", 0.0, 0.0, 0.0, 0.0, 0.0)]
    [InlineData("haiku", 1.0, 5.0, 1.25, 2.0, 0.1)]
    [InlineData("opus", 5.0, 25.0, 6.25, 10.0, 0.5)]
    [InlineData("sonnet", 3.0, 15.0, 3.75, 6.0, 0.3)]
    [InlineData("totally-unknown-model", 0.0, 0.0, 0.0, 0.0, 0.0)]
    public void RatesAsTheBinaryChargesThem(string model, double input, double output, double cache5m, double cache1h, double read)
    {
        Cost(model, input: 100_000).ShouldBe(input / 10, 1e-12);
        Cost(model, output: 100_000).ShouldBe(output / 10, 1e-12);
        Cost(model, cache5m: 100_000).ShouldBe(cache5m / 10, 1e-12);
        Cost(model, cache1h: 100_000).ShouldBe(cache1h / 10, 1e-12);
        Cost(model, cacheRead: 100_000).ShouldBe(read / 10, 1e-12);
    }

    [Theory]
    [InlineData("claude-opus-5-5")]
    [InlineData("claude-sonnet-5-5[1m]")]
    [InlineData("claude-haiku-5-5")]
    [InlineData("claude-fable-5-2")]
    [InlineData("claude-opus-4-0")]
    [InlineData("totally-unknown-model")]
    public void ModelsItDoesNotKnowAreUnpricedAtZero(string model)
    {
        CcusagePricing.Embedded.Find(model).ShouldBeNull();
        CcusagePricing.Embedded.Cost(Lines.Entry(T, input: 10, model: model), out bool unpriced).ShouldBe(0);
        unpriced.ShouldBeTrue();
    }

    [Fact]
    public void EachTokenTypeIsTieredSeparatelyAtTwoHundredThousand()
    {
        // 10×3 + 100×15 + 200,000×0.30 + 100,000×0.60 = 30 + 1,500 + 60,000 + 60,000 µ$ (usage-rules.md's example).
        Cost("claude-sonnet-4-5-20250929", input: 10, output: 100, cacheRead: 300_000).ShouldBe(0.12153, 1e-12);
        // 1h writes above 200k: 200,000 × (2 × 3) + 100,000 × (2 × 6) = 1,200,000 + 1,200,000 µ$.
        Cost("claude-sonnet-4-5", cache1h: 300_000).ShouldBe(2.4, 1e-9);
        // No premium rates: all at base. 10×3 + 100×15 + 300,000×0.3 = 30 + 1,500 + 90,000 µ$.
        Cost("claude-sonnet-4-6", input: 10, output: 100, cacheRead: 300_000).ShouldBe(0.09153, 1e-12);
    }

    [Theory]
    [InlineData("claude-opus-4-6", 6)]
    [InlineData("claude-opus-4-6[1m]", 6)]
    [InlineData("claude-opus-4-7", 6)]
    [InlineData("claude-opus-4-8", 2)]
    [InlineData("claude-opus-5", 2)]
    [InlineData("claude-opus-4-5", 1)]
    [InlineData("claude-sonnet-4-5", 1)]
    [InlineData("claude-fable-5-1", 1)]
    public void FastModeMultipliers(string model, double multiplier) =>
        Cost(model, input: 1_000, fast: true).ShouldBe(Cost(model, input: 1_000) * multiplier, 1e-12);

    [Fact]
    public void FuzzyMatchingKeepsVersionBoundaries()
    {
        CcusagePricing.ContainsKey("claude-opus-5-5", "claude-opus-5").ShouldBeFalse();
        CcusagePricing.ContainsKey("claude-opus-4-20250514", "claude-opus-4").ShouldBeTrue();
        CcusagePricing.ContainsKey("claude-opus-4-6[1m]", "claude-opus-4-6").ShouldBeTrue();
        CcusagePricing.ContainsKey("xclaude-opus-4", "claude-opus-4").ShouldBeFalse();
    }
}
