using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class BlockTests
{
    private static readonly DateTimeOffset Past = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static List<BlockRow> Blocks(DateTimeOffset now, params UsageEntry[] entries) =>
        new UsageReportBuilder(Lines.Dataset(entries), new UsageQuery { Now = now }).Blocks().Blocks;

    [Fact]
    public void BlockStartsAtTheFirstEntryFlooredToTheHourAndLastsFiveHours()
    {
        var b = Blocks(Past, Lines.Entry("2025-11-20T10:47:12Z", input: 1)).Single();
        (b.Id, b.StartTime, b.EndTime, b.ActualEndTime).ShouldBe(("2025-11-20T10:00:00.000Z", "2025-11-20T10:00:00.000Z", "2025-11-20T15:00:00.000Z", "2025-11-20T10:47:12.000Z"));
        b.IsGap.ShouldBeFalse();
        b.IsActive.ShouldBeFalse();
        b.BurnRate.ShouldBeNull();
    }

    [Fact]
    public void EntryExactlyFiveHoursAfterStartStaysAndOneMillisecondLaterStartsANewBlock()
    {
        var same = Blocks(Past, Lines.Entry("2025-11-20T10:00:00Z", input: 1), Lines.Entry("2025-11-20T12:00:00Z", input: 1), Lines.Entry("2025-11-20T15:00:00Z", input: 1));
        same.Single().Entries.ShouldBe(3);

        var split = Blocks(Past, Lines.Entry("2025-11-20T10:00:00Z", input: 1), Lines.Entry("2025-11-20T12:00:00Z", input: 1), Lines.Entry("2025-11-20T15:00:00.001Z", input: 1));
        // Not more than 5 h after the previous entry: a new block without a gap, starting at 15:00.
        split.Select(b => (b.Id, b.Entries, b.IsGap)).ShouldBe([("2025-11-20T10:00:00.000Z", 2, false), ("2025-11-20T15:00:00.000Z", 1, false)]);
    }

    [Fact]
    public void LongPauseProducesAGapBlock()
    {
        var blocks = Blocks(Past, Lines.Entry("2025-11-20T10:00:00Z", input: 1), Lines.Entry("2025-11-20T11:05:01Z", input: 1), Lines.Entry("2025-11-21T23:30:01Z", input: 1));
        blocks.Select(b => (b.Id, b.IsGap)).ShouldBe([("2025-11-20T10:00:00.000Z", false), ("gap-2025-11-20T16:05:01.000Z", true), ("2025-11-21T23:00:00.000Z", false)]);
        var gap = blocks[1];
        (gap.StartTime, gap.EndTime, gap.ActualEndTime, gap.Entries, gap.TotalTokens).ShouldBe(("2025-11-20T16:05:01.000Z", "2025-11-21T23:30:01.000Z", null, 0, 0L));
    }

    [Fact]
    public void PauseOfExactlyFiveHoursIsNoGap()
    {
        var blocks = Blocks(Past, Lines.Entry("2025-11-20T10:30:00Z", input: 1), Lines.Entry("2025-11-20T15:30:00Z", input: 1));
        blocks.Select(b => (b.Id, b.IsGap)).ShouldBe([("2025-11-20T10:00:00.000Z", false), ("2025-11-20T15:00:00.000Z", false)]);
    }

    [Fact]
    public void BlocksAreUtcWhateverTheTimeZoneAndDst()
    {
        // Across New York's DST change (2025-11-02 06:00Z) a block is still 5 hours of UTC time.
        var entries = new[] { Lines.Entry("2025-11-02T04:10:00Z", input: 1), Lines.Entry("2025-11-02T08:59:00Z", input: 1) };
        var q = new UsageQuery { Now = Past, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("America/New_York") };
        var b = new UsageReportBuilder(Lines.Dataset(entries), q).Blocks().Blocks.Single();
        (b.StartTime, b.EndTime, b.Entries).ShouldBe(("2025-11-02T04:00:00.000Z", "2025-11-02T09:00:00.000Z", 2));
    }

    [Fact]
    public void ActiveBlockHasBurnRateAndLinearProjection()
    {
        // Haiku: 60 input + 60 output tokens = 60×1 + 60×5 = 360 µ$ per pair of entries.
        var now = new DateTimeOffset(2025, 11, 20, 11, 0, 0, TimeSpan.Zero);
        var blocks = Blocks(now,
            Lines.Entry("2025-11-20T10:00:00Z", input: 60, output: 60, model: Lines.Haiku45),
            Lines.Entry("2025-11-20T10:30:00Z", input: 60, output: 60, model: Lines.Haiku45));
        var b = blocks.Single();
        b.IsActive.ShouldBeTrue();
        // 240 tokens over 30 minutes = 8 per minute; $0.00072 over 30 minutes = $0.00144 per hour.
        b.BurnRate!.TokensPerMinute.ShouldBe(8, 1e-9);
        b.BurnRate.TokensPerMinuteForIndicator.ShouldBe(8, 1e-9);
        b.BurnRate.CostPerHour.ShouldBe(0.00144, 1e-12);
        // 240 minutes remain to 15:00: 240 + 8 × 240 = 2,160 tokens.
        b.Projection.ShouldBe(new BlockProjection(2_160, 0.01, 240));

        var withLimit = new UsageReportBuilder(Lines.Dataset(
            Lines.Entry("2025-11-20T10:00:00Z", input: 60, output: 60, model: Lines.Haiku45),
            Lines.Entry("2025-11-20T10:30:00Z", input: 60, output: 60, model: Lines.Haiku45)), new UsageQuery { Now = now }).Blocks(2_000).Blocks.Single();
        withLimit.TokenLimitStatus.ShouldBe(new TokenLimitStatus(2_000, 2_160, 108, "exceeds"));
    }

    [Fact]
    public void BlockIsInactiveFiveHoursAfterItsLastEntry()
    {
        var entry = Lines.Entry("2025-11-20T10:30:00Z", input: 1);
        Blocks(new DateTimeOffset(2025, 11, 20, 14, 59, 0, TimeSpan.Zero), entry).Single().IsActive.ShouldBeTrue();
        Blocks(new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero), entry).Single().IsActive.ShouldBeFalse();
    }

    [Fact]
    public void TokenLimitMaxIsTheLargestFinishedBlock()
    {
        var now = new DateTimeOffset(2025, 11, 22, 10, 10, 0, TimeSpan.Zero);
        var reports = new UsageReportBuilder(Lines.Dataset(
            Lines.Entry("2025-11-20T10:00:00Z", input: 500), Lines.Entry("2025-11-21T10:00:00Z", input: 900), Lines.Entry("2025-11-22T10:00:00Z", input: 5_000)),
            new UsageQuery { Now = now });
        reports.MaxPreviousBlockTokens().ShouldBe(900);
        reports.ActiveBlock()!.TotalTokens.ShouldBe(5_000);
    }
}
