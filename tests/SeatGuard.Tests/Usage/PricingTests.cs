using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class PricingTests
{
    private const string T = "2025-11-20T10:00:00.000Z";
    private static readonly PricingTable Table = PricingTable.Embedded;

    [Fact]
    public void LongContextRequestIsPricedAtPremiumForEveryToken()
    {
        // usage-rules.md: sonnet-4-5, input 10, cache read 300,000, output 100 → $0.18231 (ccusage: $0.12153).
        var e = Lines.Entry(T, input: 10, output: 100, cacheRead: 300_000);
        // 10×6 + 100×22.50 + 300,000×0.60 = 60 + 2,250 + 180,000 = 182,310 µ$.
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(0.18231, 1e-12);
        // 10×3 + 100×15 + 200,000×0.30 + 100,000×0.60 = 30 + 1,500 + 60,000 + 60,000 = 121,530 µ$.
        Table.Cost(e, CostMode.Ccusage)!.Value.ShouldBe(0.12153, 1e-12);
    }

    [Fact]
    public void ExactlyTwoHundredThousandInputSideTokensIsNotLongContext()
    {
        // input 1,000 + cache write 99,000 + cache read 100,000 = 200,000: base rates.
        var e = Lines.Entry(T, input: 1_000, cacheWrite: 99_000, cacheRead: 100_000);
        // 1,000×3 + 99,000×3.75 + 100,000×0.30 = 3,000 + 371,250 + 30,000 = 404,250 µ$.
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(0.40425, 1e-12);
        var over = Lines.Entry(T, input: 1_001, cacheWrite: 99_000, cacheRead: 100_000);
        // 1,001×6 + 99,000×7.50 + 100,000×0.60 = 6,006 + 742,500 + 60,000 = 808,506 µ$.
        Table.Cost(over, CostMode.Anthropic)!.Value.ShouldBe(0.808506, 1e-12);
    }

    [Fact]
    public void OneHourCacheWritesCostTwiceInput()
    {
        // opus-4-5: 400 × 6.25 (5m) + 600 × 10 (1h) + 5 × 5 + 50 × 25 = 2,500 + 6,000 + 25 + 1,250 = 9,775 µ$ (ccusage agrees).
        var e = Lines.Entry(T, input: 5, output: 50, cacheWrite: 1_000, cache1h: 600, model: Lines.Opus45);
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(0.009775, 1e-12);
        Table.Cost(e, CostMode.Ccusage)!.Value.ShouldBe(0.009775, 1e-12);
    }

    [Fact]
    public void ModelsWithoutLongContextRatesStayAtBaseRates()
    {
        // opus-4-5 has no long-context rates: 10×5 + 100×25 + 300,000×0.5 = 152,550 µ$.
        var e = Lines.Entry(T, input: 10, output: 100, cacheRead: 300_000, model: Lines.Opus45);
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(0.15255, 1e-12);
        Table.Cost(e, CostMode.Ccusage)!.Value.ShouldBe(0.15255, 1e-12);
    }

    [Fact]
    public void CcusageModeTiersEachTokenTypeIncludingOneHourWrites()
    {
        // 1h writes 250,000: 200,000×6 + 50,000×12 = 1,800,000 µ$; input 5×3, output 5×15 → 1.80009 (measured with ccusage 20.0.24).
        var e = Lines.Entry(T, input: 5, output: 5, cacheWrite: 250_000, cache1h: 250_000);
        Table.Cost(e, CostMode.Ccusage)!.Value.ShouldBe(1.80009, 1e-9);
        // Anthropic: the request is long context, all at premium: 5×6 + 5×22.5 + 250,000×12 = 3,000,142.5 µ$.
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(3.0001425, 1e-9);
    }

    [Theory]
    [InlineData("claude-sonnet-4-5-20250929", "claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5", "claude-sonnet-4-5")]
    [InlineData("sonnet-4-5", "claude-sonnet-4-5")]
    [InlineData("claude-opus-4-1-20250805", "claude-opus-4-1")]
    [InlineData("claude-opus-4-20250514", "claude-opus-4")]
    [InlineData("claude-sonnet-4-20250514", "claude-sonnet-4")]
    [InlineData("us.anthropic.claude-sonnet-4-5-20250929-v1:0", "claude-sonnet-4-5")]
    [InlineData("claude-sonnet-4-5@20250929", "claude-sonnet-4-5")]
    [InlineData("claude-3-5-haiku-20241022", "claude-3-5-haiku")]
    public void ModelIdsMapToTheirFamily(string model, string family) => Table.Find(model)!.Id.ShouldBe(family);

    [Fact]
    public void UnknownModelHasNoCostNeverZero()
    {
        var e = Lines.Entry(T, input: 13, output: 13, model: "claude-foo-9");
        Table.Cost(e, CostMode.Anthropic).ShouldBeNull();
        var reports = new UsageReportBuilder(Lines.Dataset(e, Lines.Entry(T, input: 1_000_000, model: Lines.Haiku45)), new UsageQuery { Now = DateTimeOffset.UtcNow });
        reports.UnknownModels.ShouldBe(["claude-foo-9"]);
        var day = reports.Daily().Daily.Single();
        day.ModelBreakdowns.Single(b => b.ModelName == "claude-foo-9").Cost.ShouldBeNull();
        day.TotalCost.ShouldBe(1.0, 1e-12);
        day.TotalTokens.ShouldBe(1_000_026);
    }

    [Fact]
    public void CostUsdIsUsedOnlyInCcusageMode()
    {
        var e = Lines.Scan(Lines.Assistant(T, input: 1_000, costUsd: 1.5)).Entries.Single();
        Table.Cost(e, CostMode.Ccusage).ShouldBe(1.5);
        Table.Cost(e, CostMode.Anthropic)!.Value.ShouldBe(0.003, 1e-12);
    }

    [Fact]
    public void UserFileOverridesAndAddsModels()
    {
        var file = Path.Combine(Path.GetTempPath(), "seatguard-pricing-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, """
            { "asOf": "2030-01-01", "models": [
              { "id": "claude-sonnet-4-5", "input": 1, "output": 2, "cacheWrite5m": 3, "cacheWrite1h": 4, "cacheRead": 5 },
              { "id": "claude-foo-9", "input": 10, "output": 10, "cacheWrite5m": 10, "cacheWrite1h": 10, "cacheRead": 10 } ] }
            """);
        try
        {
            var table = PricingTable.WithOverride(file);
            table.AsOf.ShouldBe("2030-01-01");
            table.Cost(Lines.Entry(T, input: 1_000_000), CostMode.Anthropic).ShouldBe(1.0);
            table.Cost(Lines.Entry(T, input: 1_000_000, model: "claude-foo-9"), CostMode.Anthropic).ShouldBe(10.0);
            table.Cost(Lines.Entry(T, input: 1_000_000, model: Lines.Haiku45), CostMode.Anthropic).ShouldBe(1.0);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void BrokenUserFileIsReportedAsInvalidData()
    {
        var file = Path.Combine(Path.GetTempPath(), "seatguard-pricing-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(file, "{ not json");
        try
        {
            Should.Throw<InputException>(() => PricingTable.WithOverride(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void EmbeddedTableIsDatedAndHasThePlans()
    {
        Table.AsOf.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        Table.Data.Plans.Select(p => (p.Id, p.MonthlyUsd)).ShouldBe([("pro", 20.0), ("max5", 100.0), ("max20", 200.0)]);
        var sonnet = Table.Find("claude-sonnet-4-5")!;
        (sonnet.Input, sonnet.Output, sonnet.CacheWrite5m, sonnet.CacheWrite1h, sonnet.CacheRead).ShouldBe((3.0, 15.0, 3.75, 6.0, 0.3));
        var opus41 = Table.Find("claude-opus-4-1")!;
        (opus41.Input, opus41.Output, opus41.CacheWrite5m, opus41.CacheWrite1h, opus41.CacheRead).ShouldBe((15.0, 75.0, 18.75, 30.0, 1.5));
    }
}
