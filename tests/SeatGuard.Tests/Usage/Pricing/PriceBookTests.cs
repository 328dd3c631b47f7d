using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage.Pricing;

/// <summary>
/// Every model on Anthropic's pricing page (and its model pages), priced by hand. The request is the same for each:
/// 1,000 input, 2,000 output, 3,000 5-minute cache writes, 4,000 1-hour cache writes and 5,000 cache reads, on
/// 2026-11-20 (after every release and price change in the book); the comment is the arithmetic in µ$.
/// </summary>
public sealed class PriceBookTests
{
    private const string T = "2026-11-20T10:00:00.000Z";
    private static readonly PriceBook Book = PriceBook.Embedded;

    private static double Cost(string model, string at = T, long input = 1_000, long output = 2_000, long cache5m = 3_000, long cache1h = 4_000, long cacheRead = 5_000,
        bool fast = false, string? geo = null, int webSearch = 0) =>
        Book.Cost(Lines.Entry(at, input, output, cache5m + cache1h, cacheRead, model, cache1h, fast: fast, geo: geo, webSearch: webSearch))
        ?? throw new InvalidOperationException(model + " has no price");

    [Theory]
    // Fable / Mythos
    [InlineData("claude-fable-5-2", 0.183)]          // 1000×8 + 2000×40 + 3000×10 + 4000×16 + 5000×0.20 = 8000+80000+30000+64000+1000
    [InlineData("claude-mythos-5-2", 0.183)]         // same card as Fable 5.2
    [InlineData("claude-fable-5-1", 0.22875)]        // 1000×10 + 2000×50 + 3000×12.5 + 4000×20 + 5000×0.25 = 10000+100000+37500+80000+1250
    [InlineData("claude-mythos-5-1", 0.22875)]
    [InlineData("claude-fable-5", 0.2325)]           // … + 5000×1 = 10000+100000+37500+80000+5000
    [InlineData("claude-mythos-5", 0.2325)]
    [InlineData("claude-mythos-preview", 0.2325)]
    // Opus
    [InlineData("claude-opus-5-5", 0.092)]           // 1000×4 + 2000×20 + 3000×5 + 4000×8 + 5000×0.20 = 4000+40000+15000+32000+1000
    [InlineData("claude-opus-5", 0.11625)]           // 1000×5 + 2000×25 + 3000×6.25 + 4000×10 + 5000×0.5 = 5000+50000+18750+40000+2500
    [InlineData("claude-opus-4-8", 0.11625)]
    [InlineData("claude-opus-4-7", 0.11625)]
    [InlineData("claude-opus-4-6", 0.11625)]
    [InlineData("claude-opus-4-5-20251101", 0.11625)]
    [InlineData("claude-opus-4-1-20250805", 0.34875)] // 1000×15 + 2000×75 + 3000×18.75 + 4000×30 + 5000×1.5 = 15000+150000+56250+120000+7500
    [InlineData("claude-opus-4-20250514", 0.34875)]
    [InlineData("claude-3-opus-20240229", 0.34875)]
    // Sonnet
    [InlineData("claude-sonnet-5-5", 0.046)]         // 1000×2 + 2000×10 + 3000×2.5 + 4000×4 + 5000×0.10 = 2000+20000+7500+16000+500 (after the 2026-10-07 cut)
    [InlineData("claude-sonnet-5", 0.0465)]          // … + 5000×0.20 = 2000+20000+7500+16000+1000
    [InlineData("claude-sonnet-4-6", 0.06975)]       // 1000×3 + 2000×15 + 3000×3.75 + 4000×6 + 5000×0.3 = 3000+30000+11250+24000+1500
    [InlineData("claude-sonnet-4-5-20250929", 0.06975)]
    [InlineData("claude-sonnet-4-20250514", 0.06975)]
    [InlineData("claude-3-7-sonnet-20250219", 0.06975)]
    [InlineData("claude-3-5-sonnet-20241022", 0.06975)]
    [InlineData("claude-3-sonnet-20240229", 0.06975)]
    // Haiku
    [InlineData("claude-haiku-5-5", 0.002325)]       // 1000×0.1 + 2000×0.5 + 3000×0.125 + 4000×0.2 + 5000×0.01 = 100+1000+375+800+50
    [InlineData("claude-haiku-4-5-20251001", 0.02325)] // 1000×1 + 2000×5 + 3000×1.25 + 4000×2 + 5000×0.1 = 1000+10000+3750+8000+500
    [InlineData("claude-3-5-haiku-20241022", 0.0186)] // 1000×0.8 + 2000×4 + 3000×1 + 4000×1.6 + 5000×0.08 = 800+8000+3000+6400+400
    [InlineData("claude-3-haiku-20240307", 0.0058)]   // 1000×0.25 + 2000×1.25 + 3000×0.3 + 4000×0.5 + 5000×0.03 = 250+2500+900+2000+150
    public void EveryModelOnThePricingPage(string model, double expected) => Cost(model).ShouldBe(expected, 1e-12);

    [Fact]
    public void EveryModelInTheBookIsCoveredAbove()
    {
        var covered = typeof(PriceBookTests).GetMethod(nameof(EveryModelOnThePricingPage))!.GetCustomAttributes(typeof(InlineDataAttribute), false)
            .Cast<InlineDataAttribute>().Select(a => Book.Find((string)a.GetData(null!).Single()[0])!.Id).ToHashSet();
        Book.Models.Select(m => m.Id).Where(id => !covered.Contains(id)).ShouldBeEmpty();
    }

    [Fact]
    public void SonnetFiveFiveCacheReadsWereCutOnTheSeventhOfOctober()
    {
        // Only cache reads: 1,000,000 × $0.20 before, × $0.10 from 2026-10-07 (requests keep the rate of their own time).
        Cost("claude-sonnet-5-5", "2026-10-06T23:59:59.999Z", 0, 0, 0, 0, 1_000_000).ShouldBe(0.20, 1e-12);
        Cost("claude-sonnet-5-5", "2026-10-07T00:00:00.000Z", 0, 0, 0, 0, 1_000_000).ShouldBe(0.10, 1e-12);
        Cost("claude-sonnet-5-5[1m]", "2026-10-06T12:00:00.000Z", 0, 0, 0, 0, 1_000_000).ShouldBe(0.20, 1e-12);
    }

    [Fact]
    public void HaikuFiveFiveBandAppliesToEveryTokenOfARequestOverOneHundredThousand()
    {
        // Prompt = input + cache writes + cache reads. 100,000 exactly: low band; output 10,000 at $0.50.
        // 40,000×0.1 + 10,000×0.5 + 20,000×0.125 + 10,000×0.2 + 30,000×0.01 = 4000+5000+2500+2000+300 µ$
        Cost("claude-haiku-5-5", input: 40_000, output: 10_000, cache5m: 20_000, cache1h: 10_000, cacheRead: 30_000).ShouldBe(0.0138, 1e-12);
        // One more cache-read token: every token at the high band, output included.
        // 40,000×0.5 + 10,000×2.5 + 20,000×0.625 + 10,000×1 + 30,001×0.05 = 20000+25000+12500+10000+1500.05 µ$
        Cost("claude-haiku-5-5", input: 40_000, output: 10_000, cache5m: 20_000, cache1h: 10_000, cacheRead: 30_001).ShouldBe(0.06900005, 1e-12);
    }

    [Fact]
    public void LongContextPremiumOnlyWhereAModelStillHasOne()
    {
        // usage-rules.md: Sonnet 4.5 (1M beta), input 10, cache read 300,000, output 100 → every token at premium:
        // 10×6 + 100×22.50 + 300,000×0.60 = 60 + 2,250 + 180,000 µ$.
        Cost("claude-sonnet-4-5-20250929[1m]", input: 10, output: 100, cache5m: 0, cache1h: 0, cacheRead: 300_000).ShouldBe(0.18231, 1e-12);
        Cost("claude-sonnet-4-20250514", input: 10, output: 100, cache5m: 0, cache1h: 0, cacheRead: 300_000).ShouldBe(0.18231, 1e-12);
        // Exactly 200,000: base rates. 1,000×3 + 99,000×3.75 + 100,000×0.30 = 3,000 + 371,250 + 30,000 µ$.
        Cost("claude-sonnet-4-5", input: 1_000, output: 0, cache5m: 99_000, cache1h: 0, cacheRead: 100_000).ShouldBe(0.40425, 1e-12);
        // Sonnet 4.6, Opus 4.6 and later: 1M context at standard rates. 10×3 + 100×15 + 300,000×0.3 = 30 + 1,500 + 90,000 µ$.
        Cost("claude-sonnet-4-6[1m]", input: 10, output: 100, cache5m: 0, cache1h: 0, cacheRead: 300_000).ShouldBe(0.09153, 1e-12);
        // 10×5 + 100×25 + 300,000×0.5 = 50 + 2,500 + 150,000 µ$.
        Cost("claude-opus-4-6[1m]", input: 10, output: 100, cache5m: 0, cache1h: 0, cacheRead: 300_000).ShouldBe(0.15255, 1e-12);
    }

    [Fact]
    public void FastModeRatesByModelAndDate()
    {
        // Opus 5.5 fast: 8 / 40 / 10 / 16 / 0.40. 1000×8 + 2000×40 + 3000×10 + 4000×16 + 5000×0.4 = 8000+80000+30000+64000+2000 µ$.
        Cost("claude-opus-5-5", fast: true).ShouldBe(0.184, 1e-12);
        // Fable 5.2 fast: 16 / 80 / 20 / 32 / 0.40 → 16000+160000+60000+128000+2000 µ$.
        Cost("claude-fable-5-2", fast: true).ShouldBe(0.366, 1e-12);
        // Opus 4.6 fast at launch (50% off until Feb 16 PT): 15 / 75 / 18.75 / 30 / 1.5 → 15000+150000+56250+120000+7500 µ$; later 30 / 150: twice that.
        Cost("claude-opus-4-6", "2026-02-10T12:00:00.000Z", fast: true).ShouldBe(0.34875, 1e-12);
        Cost("claude-opus-4-6", "2026-03-01T12:00:00.000Z", fast: true).ShouldBe(0.6975, 1e-12);
        // Opus 4.8 fast ended 2026-11-30: standard rates after it; 10 / 50 before (1000×10 + 2000×50 + 3000×12.5 + 4000×20 + 5000×1 = 10000+100000+37500+80000+5000).
        Cost("claude-opus-4-8", "2026-11-29T12:00:00.000Z", fast: true).ShouldBe(0.2325, 1e-12);
        Cost("claude-opus-4-8", "2026-11-30T12:00:00.000Z", fast: true).ShouldBe(0.11625, 1e-12);
        // A model without fast mode costs its standard rates.
        Cost("claude-sonnet-4-5", fast: true).ShouldBe(0.06975, 1e-12);
    }

    [Fact]
    public void UsOnlyInferenceCostsOnePointOneTimesAndWebSearchesTenDollarsAThousand()
    {
        Cost("claude-opus-4-6", geo: "us").ShouldBe(0.11625 * 1.1, 1e-12);
        Cost("claude-opus-4-6", geo: "global").ShouldBe(0.11625, 1e-12);
        Cost("claude-opus-4-6", webSearch: 3).ShouldBe(0.11625 + 0.03, 1e-12);
        // "not_available" (what real transcripts record) is no region.
        Lines.Scan(Lines.Assistant(T, input: 1, geo: "not_available")).Entries.Single().InferenceGeo.ShouldBeNull();
    }

    [Theory]
    [InlineData("claude-opus-4-6", "claude-opus-4-6")]
    [InlineData("claude-opus-4-6[1m]", "claude-opus-4-6")]
    [InlineData("CLAUDE-OPUS-4-6[1M]", "claude-opus-4-6")]
    [InlineData("claude-opus-4-6-20260205", "claude-opus-4-6")]
    [InlineData("claude-opus-4-7", "claude-opus-4-7")]
    [InlineData("claude-opus-4-8[1m]", "claude-opus-4-8")]
    [InlineData("claude-opus-5-5", "claude-opus-5-5")]
    [InlineData("claude-opus-5[1m]", "claude-opus-5")]
    [InlineData("claude-opus-4-20250514", "claude-opus-4-0")]
    [InlineData("claude-opus-4-0", "claude-opus-4-0")]
    [InlineData("claude-sonnet-4-5-20250929[1m]", "claude-sonnet-4-5")]
    [InlineData("sonnet-4-5", "claude-sonnet-4-5")]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5")]
    [InlineData("anthropic.claude-opus-4-6-v1", "claude-opus-4-6")]
    [InlineData("global.anthropic.claude-haiku-4-5-20251001-v1:0", "claude-haiku-4-5")]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5")]
    [InlineData("anthropic/claude-sonnet-4.5", "claude-sonnet-4-5")]
    [InlineData("claude-3-5-haiku-latest", "claude-3-5-haiku")]
    public void ModelIdsMapToTheirExactFamily(string model, string family) => Book.Find(model)!.Id.ShouldBe(family);

    [Theory]
    [InlineData("claude-opus-4-3")]
    [InlineData("claude-opus-4-6-fast")]
    [InlineData("claude-opus-4-66")]
    [InlineData("claude-opus-6")]
    [InlineData("claude-sonnet-5-6")]
    [InlineData("opus")]
    [InlineData("claude")]
    [InlineData("")]
    public void NoPrefixOrFuzzyFallThrough(string model) => Book.Find(model).ShouldBeNull();

    [Theory]
    [InlineData("claude-opus-6", true)]
    [InlineData("claude-sonnet-5-6-20270101", true)]
    [InlineData("claude-haiku-6", true)]
    [InlineData("claude-quill-1", true)]
    [InlineData("claude-opus-4-3", false)]
    [InlineData("gpt-5", false)]
    [InlineData("claude-opus-4-6", false)]
    public void NewerThanTheBook(string model, bool newer) => Book.IsNewerThanBook(model).ShouldBe(newer);

    [Fact]
    public void ClaudeCodesDefaultModelIsPriced()
    {
        // Claude Code 2.1.330/2.1.332 send claude-opus-5-5 by default (measured against a loopback API).
        Book.Find("claude-opus-5-5").ShouldNotBeNull();
        Book.Find("claude-opus-5-5[1m]").ShouldNotBeNull();
    }

    [Fact]
    public void UnknownModelHasNoCostNeverZero()
    {
        var e = Lines.Entry(T, input: 13, output: 13, model: "claude-foo-9");
        Book.Cost(e).ShouldBeNull();
        var reports = new UsageReportBuilder(Lines.Dataset(e, Lines.Entry(T, input: 1_000_000, model: Lines.Haiku45)), new UsageQuery { Now = DateTimeOffset.UtcNow });
        reports.UnknownModels.ShouldBe(["claude-foo-9"]);
        var day = reports.Daily().Daily.Single();
        var unknown = day.ModelBreakdowns.Single(b => b.ModelName == "claude-foo-9");
        unknown.Cost.ShouldBeNull();
        unknown.MissingPricing.ShouldBe(true);
        day.TotalCost!.Value.ShouldBe(1.0, 1e-12);
        day.UnpricedModels.ShouldBe(["claude-foo-9"]);
        day.TotalTokens.ShouldBe(1_000_026);
    }

    [Fact]
    public void ARowWhoseOnlyModelIsUnknownHasAnUnknownTotal()
    {
        var reports = new UsageReportBuilder(Lines.Dataset(Lines.Entry(T, input: 5, model: "claude-foo-9")), new UsageQuery { Now = DateTimeOffset.UtcNow });
        var day = reports.Daily().Daily.Single();
        day.TotalCost.ShouldBeNull();
        reports.Totals().TotalCost.ShouldBeNull();
        reports.Blocks().Blocks.Single().CostUsd.ShouldBeNull();
        reports.Sessions().Sessions.Single().TotalCost.ShouldBeNull();
        // ccusage mode shows ccusage's $0 and lists the model as ccusage does.
        var ccusage = new UsageReportBuilder(Lines.Dataset(Lines.Entry(T, input: 5, model: "claude-foo-9")), new UsageQuery { Now = DateTimeOffset.UtcNow, CostMode = CostMode.Ccusage });
        ccusage.Daily().Daily.Single().TotalCost.ShouldBe(0);
        ccusage.Totals().UnpricedModels.ShouldBe(["claude-foo-9"]);
    }

    [Fact]
    public void CostUsdCountsOnlyWhenAskedFor()
    {
        var e = Lines.Scan(Lines.Assistant(T, input: 1_000, costUsd: 1.5)).Entries.Single();
        Book.Cost(e)!.Value.ShouldBe(0.003, 1e-12);
        CcusagePricing.Embedded.Cost(e, out _).ShouldBe(1.5);
        var data = Lines.Dataset(e with { Source = new TranscriptSource("s.jsonl", "p", "s", false) });
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Totals().TotalCost!.Value.ShouldBe(0.003, 1e-12);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, CostSource = CostSource.Auto }).Totals().TotalCost!.Value.ShouldBe(1.5, 1e-9);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, CostSource = CostSource.Display }).Totals().TotalCost!.Value.ShouldBe(1.5, 1e-9);
    }

    [Fact]
    public void UserFileOverridesAndAddsModelsInTheOlderFlatShape()
    {
        var overlay = PriceBook.Parse("""
            { "asOf": "2030-01-01", "models": [
              { "id": "claude-sonnet-4-5", "input": 1, "output": 2, "cacheWrite5m": 3, "cacheWrite1h": 4, "cacheRead": 5 },
              { "id": "claude-foo-9", "input": 10, "output": 10, "cacheWrite5m": 10, "cacheWrite1h": 10, "cacheRead": 10 } ] }
            """, "test");
        var book = Book.With(overlay, "user", "pricing.json");
        book.AsOf.ShouldBe("2030-01-01");
        book.Cost(Lines.Entry(T, input: 1_000_000))!.Value.ShouldBe(1.0);
        book.Cost(Lines.Entry(T, input: 1_000_000, model: "claude-foo-9"))!.Value.ShouldBe(10.0);
        book.Cost(Lines.Entry(T, input: 1_000_000, model: Lines.Haiku45))!.Value.ShouldBe(1.0);
        book.Layers.Select(l => l.Kind).ShouldBe(["embedded", "user"]);
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("""{"models":[{"id":"x","rates":[{"input":-1,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1}]}]}""")]
    [InlineData("""{"models":[{"id":"x","rates":[{"from":"2026-13-01","input":1,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1}]}]}""")]
    [InlineData("""{"models":[{"id":"x","rates":[{"from":"2026-10-07T00:07:00Z","input":1,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1}]}]}""")]
    [InlineData("""{"models":[{"id":"x","rates":[{"from":"2026-10-07","until":"2026-10-01","input":1,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1}]}]}""")]
    [InlineData("""{"models":[{"id":"x","rates":[{"input":1,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1},{"input":2,"output":1,"cacheWrite5m":1,"cacheWrite1h":1,"cacheRead":1}]}]}""")]
    [InlineData("""{"models":[{"id":"x","sameRatesAs":"nope"}]}""")]
    [InlineData("""{"models":[{"id":""}]}""")]
    [InlineData("""{"models":[{"id":"x"}]}""")]
    public void BrokenBooksAreRejectedWithTheReason(string json) =>
        Should.Throw<InputException>(() => Book.With(PriceBook.Parse(json, "test"), "user", null)).Message.ShouldNotBeNullOrWhiteSpace();

    [Fact]
    public void EmbeddedBookIsDatedAndHasThePlans()
    {
        Book.AsOf.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        Book.Plans.Select(p => (p.Id, p.MonthlyUsd)).ShouldBe([("pro", 20.0), ("max5", 100.0), ("max20", 200.0)]);
        Book.BandThresholds.ShouldBe([100_000L, 200_000L]);
        Book.Data.Sources!.ShouldAllBe(s => s.Url != null && s.Kind != null);
    }
}
