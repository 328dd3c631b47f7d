using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class ReportTests
{
    private static TimeZoneInfo Zone(string id) => TimeZoneInfo.FindSystemTimeZoneById(id);

    [Fact]
    public void DaysFollowTheTimeZone()
    {
        var data = Lines.Dataset(Lines.Entry("2025-11-20T23:30:00Z", input: 1, model: Lines.Haiku45), Lines.Entry("2025-11-21T00:30:00Z", input: 2, model: Lines.Haiku45));
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Daily().Daily.Select(d => (d.Date, d.InputTokens)).ShouldBe([("2025-11-20", 1L), ("2025-11-21", 2L)]);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, TimeZone = Zone("Europe/Berlin") }).Daily().Daily.Select(d => (d.Date, d.InputTokens)).ShouldBe([("2025-11-21", 3L)]);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, TimeZone = Zone("America/Los_Angeles") }).Daily().Daily.Select(d => (d.Date, d.InputTokens)).ShouldBe([("2025-11-20", 3L)]);
    }

    [Fact]
    public void DaysAcrossDaylightSavingChange()
    {
        // New York leaves DST on 2025-11-02 at 06:00Z: 04:30Z is still 00:30 EDT (Nov 2), 03:30Z is 23:30 EDT (Nov 1);
        // after the change 2025-11-03T04:30Z is 23:30 EST (Nov 2).
        var data = Lines.Dataset(Lines.Entry("2025-11-02T03:30:00Z", input: 1), Lines.Entry("2025-11-02T04:30:00Z", input: 2), Lines.Entry("2025-11-03T04:30:00Z", input: 4));
        var days = new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, TimeZone = Zone("America/New_York") }).Daily().Daily;
        days.Select(d => (d.Date, d.InputTokens)).ShouldBe([("2025-11-01", 1L), ("2025-11-02", 6L)]);
    }

    [Fact]
    public void WeeksStartOnTheChosenDayAndMonthsGroup()
    {
        // 2025-11-16 is a Sunday, 2025-11-17 a Monday.
        var data = Lines.Dataset(Lines.Entry("2025-11-16T12:00:00Z", input: 1), Lines.Entry("2025-11-17T12:00:00Z", input: 2), Lines.Entry("2025-12-01T12:00:00Z", input: 4));
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Weekly().Weekly.Select(w => (w.Week, w.InputTokens)).ShouldBe([("2025-11-16", 3L), ("2025-11-30", 4L)]);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow, StartOfWeek = DayOfWeek.Monday }).Weekly().Weekly.Select(w => (w.Week, w.InputTokens))
            .ShouldBe([("2025-11-10", 1L), ("2025-11-17", 2L), ("2025-12-01", 4L)]);
        new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Monthly().Monthly.Select(m => (m.Month, m.InputTokens)).ShouldBe([("2025-11", 3L), ("2025-12", 4L)]);
    }

    [Fact]
    public void SinceAndUntilAreInclusiveLocalDays()
    {
        var data = Lines.Dataset(Lines.Entry("2025-11-19T12:00:00Z", input: 1), Lines.Entry("2025-11-20T12:00:00Z", input: 2), Lines.Entry("2025-11-21T12:00:00Z", input: 4));
        var q = new UsageQuery { Now = DateTimeOffset.UtcNow, Since = new DateOnly(2025, 11, 20), Until = new DateOnly(2025, 11, 21) };
        new UsageReportBuilder(data, q).Totals().InputTokens.ShouldBe(6);
        new UsageReportBuilder(data, q with { Until = new DateOnly(2025, 11, 20) }).Totals().InputTokens.ShouldBe(2);
    }

    [Fact]
    public void CellsOnBothSidesOfEveryDatedRateAreEachPricedAtTheirOwnTime()
    {
        // A rate change on the 7th, fast rates from the 5th to the 9th and a regional uplift from the 6th to the 8th: the
        // same model, region, mode and prompt class on every day, so a kept card that outlived its span would show.
        var book = PriceBook.Embedded.With(PriceBook.Parse("""
            {
              "models": [{ "id": "claude-test-9", "rates": [
                { "until": "2026-10-07", "input": 1, "output": 2, "cacheWrite5m": 3, "cacheWrite1h": 4, "cacheRead": 0.5 },
                { "from": "2026-10-07", "input": 7, "output": 8, "cacheWrite5m": 9, "cacheWrite1h": 10, "cacheRead": 0.25 } ],
                "fast": [{ "from": "2026-10-05", "until": "2026-10-09", "input": 100, "output": 200, "cacheWrite5m": 300, "cacheWrite1h": 400, "cacheRead": 50 }] }],
              "regional": [{ "value": "us", "multiplier": 1.5, "from": "2026-10-06", "until": "2026-10-08" }]
            }
            """, "test"), "user", null);
        var entries = new List<UsageEntry>();
        for (int day = 3; day <= 11; day++)
        {
            foreach (var (fast, geo) in new[] { (false, (string?)null), (false, "us"), (true, null), (true, "us") })
            {
                entries.Add(Lines.Entry($"2026-10-{day:D2}T00:00:00Z", input: 1_000, output: 100, cacheRead: 10_000, model: "claude-test-9", fast: fast, geo: geo));
                entries.Add(Lines.Entry($"2026-10-{day:D2}T23:59:59Z", input: 3_000, output: 300, cacheRead: 30_000, model: "claude-test-9", fast: fast, geo: geo));
            }
        }
        var daily = new UsageReportBuilder(Lines.Dataset([.. entries]), new UsageQuery { Now = DateTimeOffset.UtcNow, Pricing = book }).Daily().Daily;
        daily.Count.ShouldBe(9);
        foreach (var row in daily)
        {
            // Each entry priced on its own, by the book's one-request rule.
            double expected = entries.Where(e => UsageReportBuilder.IsoTime(e.TimestampMs).StartsWith(row.Date, StringComparison.Ordinal)).Sum(e => book.Cost(e)!.Value);
            row.TotalCost!.Value.ShouldBe(expected, 1e-9, row.Date);
        }
        // And the rules did apply: the 6th's uplifted fast requests cost 1.5 × the 4th's (both fast-period days, old rates).
        var us = (string day) => entries.Where(e => e.InferenceGeo == "us" && e.IsFast && UsageReportBuilder.IsoTime(e.TimestampMs).StartsWith(day, StringComparison.Ordinal)).Sum(e => book.Cost(e)!.Value);
        us("2026-10-06").ShouldBe(1.5 * us("2026-10-05"), 1e-9);
        Math.Abs(daily.Single(d => d.Date == "2026-10-08").TotalCost!.Value - daily.Single(d => d.Date == "2026-10-06").TotalCost!.Value).ShouldBeGreaterThan(1e-6);
    }

    [Fact]
    public void EveryReportCountsTheSameTotals()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant("2025-11-01T10:00:00Z", "m1", "r1", output: 1), Lines.Assistant("2025-11-01T10:00:01Z", "m1", "r1", output: 50),
            Lines.Assistant("2025-11-01T10:00:00Z", "m1", "r9", output: 500, sidechain: true));
        sandbox.Write("p/b.jsonl", Lines.Assistant("2025-11-01T10:00:00Z", "m1", "r1", output: 1), Lines.Assistant("2025-11-02T10:00:00Z", "m2", "r2", output: 7));
        var reports = new UsageReportBuilder(sandbox.Load(), new UsageQuery { Now = DateTimeOffset.UtcNow });
        long[] totals =
        [
            reports.Daily().Totals.TotalTokens, reports.Weekly().Totals.TotalTokens, reports.Monthly().Totals.TotalTokens,
            reports.Sessions().Totals.TotalTokens, reports.Blocks().Blocks.Sum(b => b.TotalTokens),
        ];
        totals.ShouldAllBe(t => t == 57);
    }

    [Fact]
    public void SessionsAreSortedByCostWithActivityTimes()
    {
        var data = Lines.Dataset(
            Lines.Entry("2025-11-01T10:00:00Z", input: 1, session: "cheap"),
            Lines.Entry("2025-11-02T10:00:00Z", input: 100, session: "dear"), Lines.Entry("2025-11-03T11:00:00Z", input: 100, session: "dear"));
        var rows = new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Sessions().Sessions;
        rows.Select(r => r.SessionId).ShouldBe(["dear", "cheap"]);
        rows[0].FirstActivity.ShouldBe("2025-11-02T10:00:00.000Z");
        rows[0].LastActivity.ShouldBe("2025-11-03T11:00:00.000Z");
        rows[0].ProjectPath.ShouldBe("p");
    }

    [Fact]
    public void ProjectsAndPlanComparison()
    {
        // 1,000,000 haiku input tokens = $1 in each of two months; max5 is $100 a month.
        var data = Lines.Dataset(
            Lines.Entry("2025-10-15T10:00:00Z", input: 1_000_000, model: Lines.Haiku45, project: "-home-a"),
            Lines.Entry("2025-11-15T10:00:00Z", input: 1_000_000, model: Lines.Haiku45, project: "-home-b"),
            Lines.Entry("2025-11-16T10:00:00Z", input: 1_000_000, model: Lines.Haiku45, project: "-home-b"));
        var reports = new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow });
        reports.Projects().Select(p => (p.Project, p.TotalCost)).ShouldBe([("-home-b", 2.0), ("-home-a", 1.0)]);
        var plan = reports.ComparePlan("max5")!;
        (plan.Months, plan.PlanCost, plan.ApiEquivalentCost, plan.Ratio).ShouldBe((2, 200.0, 3.0, 0.015));
        reports.ComparePlan("gold").ShouldBeNull();
    }

    [Fact]
    public void ModelBreakdownsAreSortedByCost()
    {
        var data = Lines.Dataset(Lines.Entry("2025-11-01T10:00:00Z", input: 10, model: Lines.Haiku45), Lines.Entry("2025-11-01T10:01:00Z", input: 10, model: Lines.Opus45));
        var day = new UsageReportBuilder(data, new UsageQuery { Now = DateTimeOffset.UtcNow }).Daily().Daily.Single();
        day.ModelsUsed.ShouldBe([Lines.Haiku45, Lines.Opus45]);
        day.ModelBreakdowns.Select(b => b.ModelName).ShouldBe([Lines.Opus45, Lines.Haiku45]);
    }
}

public sealed class RecentUsageTests
{
    [Fact]
    public void ActiveBlockAndTodayFromRecentTranscripts()
    {
        using var sandbox = new TranscriptSandbox();
        var now = DateTimeOffset.UtcNow;
        string At(double minutesAgo) => now.AddMinutes(-minutesAgo).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        var old = sandbox.Write("p/old.jsonl", Lines.Assistant("2025-01-01T10:00:00.000Z", "m0", "r0", model: Lines.Haiku45, input: 1_000_000));
        File.SetLastWriteTimeUtc(old, new DateTime(2025, 1, 1, 11, 0, 0, DateTimeKind.Utc));
        sandbox.Write("p/now.jsonl", Lines.Assistant(At(30), "m1", "r1", model: Lines.Haiku45, input: 100_000), Lines.Assistant(At(10), "m2", "r2", model: Lines.Haiku45, input: 100_000));
        // A zone where it is about noon now, so both entries are "today" whenever the test runs.
        var offset = TimeSpan.FromMinutes(Math.Round((TimeSpan.FromHours(12) - now.UtcDateTime.TimeOfDay).TotalMinutes));
        var noon = TimeZoneInfo.CreateCustomTimeZone("test-noon", offset, "test-noon", "test-noon");
        var glance = new RecentUsageReader(timeZone: noon, cachePath: sandbox.CachePath).Build(sandbox.Host, now);
        glance.ActiveBlock.ShouldNotBeNull();
        glance.ActiveBlock.TotalTokens.ShouldBe(200_000);
        glance.ActiveBlock.CostUsd!.Value.ShouldBe(0.2, 1e-12);
        glance.Today.TotalCost!.Value.ShouldBe(0.2, 1e-12);
        glance.Today.TotalTokens.ShouldBe(200_000);
    }
}
