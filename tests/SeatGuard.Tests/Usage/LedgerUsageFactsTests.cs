using SeatGuard.Core.Ledger;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class LedgerUsageFactsTests
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Launch(DateTimeOffset time, string? session, string verdict, string? window = null, double? utilization = null) =>
        new(0, time, "claude", "/w", "alice", "alice", "subscription", "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", null,
            verdict, 0, session, null, 0, 0, 0, 0, false, null, window, window is null ? null : "allowed", utilization, window is null ? null : false);

    private static SessionRow Session(string id, long tokens, double cost) => new() { SessionId = id, ProjectPath = "p", TotalTokens = tokens, TotalCost = cost };

    [Fact]
    public void SessionsAreSplitByTheBillingSourceTheLedgerRecorded()
    {
        var bySession = LedgerUsageFacts.SourceBySession(
        [
            Launch(T0, "s1", "api-key"),
            Launch(T0.AddHours(1), "s1", "subscription"),          // resumed later under the subscription: the latest wins
            Launch(T0, "s2", "subscription (planned)"),
            Launch(T0, "s3", "api-key"),
            Launch(T0, null, "api-key"),
        ]);
        var split = LedgerUsageFacts.Split([Session("s1", 100, 1.0), Session("s2", 50, 0.5), Session("s3", 10, 4.0), Session("s4", 7, 0.25)], bySession);

        split.ShouldBe(
        [
            new BillingSourceTotals("api-key", 1, 10, 4.0),
            new BillingSourceTotals("subscription", 2, 150, 1.5),
            new BillingSourceTotals(LedgerUsageFacts.Unrecorded, 1, 7, 0.25),
        ]);
    }

    [Fact]
    public void UtilisationIsTheLatestReportPerWindow()
    {
        var u = LedgerUsageFacts.Utilization(
        [
            Launch(T0, "a", "subscription", "five_hour", 0.2),
            Launch(T0.AddHours(2), "b", "subscription", "five_hour", 0.6),
            Launch(T0.AddHours(1), "c", "subscription", "seven_day", 0.3),
            Launch(T0.AddHours(3), "d", "api-key"),
        ], T0.AddHours(4));
        u.Select(x => (x.RateLimitType, x.Utilization)).ShouldBe([("five_hour", (double?)0.6), ("seven_day", (double?)0.3)]);
    }

    [Fact]
    public void EveryWindowOfTheRecordedEventsCountsWithItsPace()
    {
        var reset5 = T0.AddHours(2);
        var reset7 = T0.AddDays(3);
        var e = Launch(T0, "a", "subscription", "five_hour", 0.5) with
        {
            RateLimitEvents =
            [
                new SeatGuard.Core.Launch.RateLimitEvent("five_hour", "allowed", 0.5, reset5, null, false, false, null,
                    new Dictionary<string, SeatGuard.Core.Launch.RateLimitWindow> { ["five_hour"] = new(0.5, reset5, "allowed"), ["seven_day"] = new(0.8, reset7, "allowed") }),
            ],
        };
        var u = LedgerUsageFacts.Utilization([e], T0).ToDictionary(x => x.RateLimitType);
        u["five_hour"].WindowElapsed.ShouldBe(0.6);          // 3 of 5 hours gone
        u["five_hour"].RunsOutBeforeReset.ShouldBe(false);   // 50 % in 3 h: 100 % after 6 h, the window ends after 5
        u["seven_day"].WindowElapsed!.Value.ShouldBe(4.0 / 7, 0.001);
        u["seven_day"].RunsOutBeforeReset.ShouldBe(true);    // 80 % with 4 of 7 days gone
        LedgerUsageFacts.Utilization([e], T0.AddDays(4)).Single(x => x.RateLimitType == "seven_day").Expired.ShouldBeTrue();
    }
}

public sealed class UsageLedgerCliTests : IDisposable
{
    private readonly SeatGuard.TestKit.SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task SessionReportSplitsByRecordedBillingSourceAndBlocksShowPlanUtilization()
    {
        foreach (var (session, id) in new[] { ("s-sub", "msg_1"), ("s-none", "msg_2") })
            _sandbox.WriteText(Path.Combine(_sandbox.ClaudeDir, "projects", "-w", session + ".jsonl"),
                Lines.Assistant("2026-11-20T10:00:00.000Z", id, "req_" + id, input: 1000, output: 100) + "\n");
        using (var store = LedgerStore.Open(LedgerStore.DefaultPath(_sandbox.Host())))
        {
            store.Append(new LedgerEntry(0, new DateTimeOffset(2026, 11, 20, 10, 0, 0, TimeSpan.Zero), "claude", "/w", "alice", "alice", "subscription",
                "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", null, "subscription", 0, "s-sub", 0.01, 0, 0, 0, 0, false, null, "five_hour", "allowed", 0.42, false));
        }

        var sessions = await SeatGuard.TestKit.CliHarness.RunAsync(_sandbox, null, "usage", "session", "--json", "--no-cache");
        sessions.ExitCode.ShouldBe(0, sessions.ToString());
        var split = System.Text.Json.JsonDocument.Parse(sessions.StdOut).RootElement.GetProperty("billingSources").EnumerateArray()
            .ToDictionary(e => e.GetProperty("billingSource").GetString()!, e => e.GetProperty("sessions").GetInt32());
        split.ShouldBe(new Dictionary<string, int> { ["subscription"] = 1, [LedgerUsageFacts.Unrecorded] = 1 }, ignoreOrder: true);

        var blocks = await SeatGuard.TestKit.CliHarness.RunAsync(_sandbox, null, "usage", "blocks", "--json", "--no-cache");
        var window = System.Text.Json.JsonDocument.Parse(blocks.StdOut).RootElement.GetProperty("planUtilization").EnumerateArray().Single();
        window.GetProperty("rateLimitType").GetString().ShouldBe("five_hour");
        window.GetProperty("utilization").GetDouble().ShouldBe(0.42);
    }

    [Fact]
    public async Task WithoutLedgerTheJsonStaysCcusageShaped()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "s.jsonl"), Lines.Assistant("2026-11-20T10:00:00.000Z", input: 10) + "\n");
        var r = await SeatGuard.TestKit.CliHarness.RunAsync(_sandbox, null, "usage", "session", "--json", "--no-cache");
        r.StdOut.ShouldNotContain("billingSources");
        File.Exists(LedgerStore.DefaultPath(_sandbox.Host())).ShouldBeFalse();
    }
}
