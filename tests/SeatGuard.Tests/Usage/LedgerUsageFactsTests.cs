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
        var u = LedgerUsageFacts.Utilisation(
        [
            Launch(T0, "a", "subscription", "five_hour", 0.2),
            Launch(T0.AddHours(2), "b", "subscription", "five_hour", 0.6),
            Launch(T0.AddHours(1), "c", "subscription", "seven_day", 0.3),
            Launch(T0.AddHours(3), "d", "api-key"),
        ]);
        u.Select(x => (x.RateLimitType, x.Utilization)).ShouldBe([("five_hour", (double?)0.6), ("seven_day", (double?)0.3)]);
    }
}
