using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Report;

namespace SeatGuard.TestKit;

/// <summary>
/// Generated, realistic report data (a month of use by four models, blocks, launches for several
/// beneficiaries, a scan). Seeded, so every run builds the same numbers; commands carry fake tokens.
/// </summary>
public static class ReportSamples
{
    public static readonly ReportPeriod Period = new(new DateOnly(2026, 10, 27), new DateOnly(2026, 11, 25));
    public static readonly DateTimeOffset Now = new(2026, 11, 25, 15, 30, 0, TimeSpan.Zero);

    private static readonly (string Model, decimal PerMillion, int Weight)[] Models =
        [("claude-sonnet-4-5", 6.1m, 10), ("claude-opus-4-5", 9.4m, 4), ("claude-haiku-4-5", 1.3m, 3), ("claude-opus-4-1", 28m, 1)];

    public static UsageSummary Usage()
    {
        var random = new Random(42);
        var daily = new List<DailyModelUsage>();
        for (var d = Period.From; d <= Period.Until; d = d.AddDays(1))
        {
            if (d.DayOfWeek == DayOfWeek.Sunday) continue;
            foreach (var (model, price, weight) in Models)
            {
                if (random.Next(4) == 0) continue;
                long tokens = random.NextInt64(50_000, 400_000) * weight;
                daily.Add(new DailyModelUsage(d, model, tokens, Math.Round(tokens / 1_000_000m * price, 2)));
            }
        }
        var blocks = new List<BlockSummary>();
        var start = new DateTimeOffset(Now.Date.AddDays(-6).AddHours(8), TimeSpan.Zero);
        for (int i = 0; i < 14; i++)
        {
            long tokens = random.NextInt64(300_000, 6_000_000);
            blocks.Add(new BlockSummary(start, start.AddHours(5), tokens, Math.Round(tokens / 1_000_000m * 5.7m, 2), false));
            start = start.AddHours(i % 2 == 0 ? 6 : 13);
        }
        blocks.Add(new BlockSummary(Now.AddMinutes(-150), Now.AddMinutes(150), 1_800_000, 9.85m, true));
        var monthCost = daily.Where(r => r.Date.Month == 11).Sum(r => r.Cost ?? 0);
        return new UsageSummary(daily, blocks, new MonthCost("2026-11", monthCost, "Max 20x", 200m));
    }

    /// <summary>Launches in the period; some commands carry a fake token in their arguments.</summary>
    public static LedgerReport Ledger(IReadOnlyList<string>? tokensInCommands = null)
    {
        var random = new Random(7);
        var launches = new List<LaunchRecord>();
        string[] people = ["alice", "alice", "alice", "nightly-ci", "review-bot", "bob"];
        for (int i = 0; i < 60; i++)
        {
            var who = people[random.Next(people.Length)];
            var verdict = who switch { "review-bot" => "api-key", "nightly-ci" => random.Next(3) == 0 ? "subscription" : "api-key", _ => random.Next(10) == 0 ? "gateway" : "subscription" };
            var token = tokensInCommands is { Count: > 0 } t ? t[i % t.Count] : null;
            var command = token is null ? $"claude -p \"task {i}\"" : $"claude --settings {{\"env\":{{\"ANTHROPIC_API_KEY\":\"{token}\"}}}} -p \"task {i}\"";
            launches.Add(new LaunchRecord(Period.Start.AddHours(11 * i + random.Next(5)), who, "alice", BillingNames.TryParse(verdict, out Billing b) ? b : Billing.Unknown, verdict == "api-key" ? "api-key" : "subscription",
                verdict == "api-key" ? "api-key" : "oauth-token", command, Math.Round(random.NextDouble() * 0.8, 4), i == 13));
        }
        return new LedgerReport("/home/alice/.local/share/seatguard/ledger.db", launches);
    }

    public static ScanSummary Scan() => new("/home/alice/src/shop", Now.AddMinutes(-3),
    [
        new FindingCount(Tier.Red, "oauth-token-in-ci-env", 2),
        new FindingCount(Tier.Red, "credentials-file-read", 1),
        new FindingCount(Tier.Gray, "claude-in-server-handler", 4),
        new FindingCount(Tier.Gray, "project-settings-api-key-helper", 1),
        new FindingCount(Tier.Green, "claude-in-local-script", 6),
    ]);

    /// <summary>A report with every section filled.</summary>
    public static ReportData Full(IReadOnlyList<string>? tokensInCommands = null) => new(Now, Period,
        SourceResult<UsageSummary>.Found(Usage()), SourceResult<LedgerReport>.Found(Ledger(tokensInCommands)), SourceResult<ScanSummary>.Found(Scan()));

    /// <summary>A report with nothing: the sources as a fresh install has them (a HOME beside the ledger path, without transcripts).</summary>
    public static ReportData Empty(string ledgerPath)
    {
        var home = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(ledgerPath))!, "empty-home");
        var host = new HostContext(new Dictionary<string, string> { ["HOME"] = home }, home, home, HostOs.Linux);
        return new ReportBuilder(new TranscriptUsageSource(host, null, null, Now), new LedgerReportSource(ledgerPath), NoScanSource.Instance).Build(Period, Now);
    }
}
