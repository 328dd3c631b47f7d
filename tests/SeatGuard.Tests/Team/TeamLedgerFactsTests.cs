using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;
using SeatGuard.Core.Team;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Team;

/// <summary>What the team view counts as an overage launch: the ledger v2 evidence (every rate-limit event), read one way.</summary>
public sealed class TeamLedgerFactsTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 30, 9, 0, 0, TimeSpan.Zero);

    private static LedgerEntry Row(bool? columnOverage, params RateLimitEvent[] events) =>
        TeamSamples.Launch(Time, "alice", "alice", "subscription", null) with { OverageInUse = columnOverage, RateLimitEvents = events };

    private static RateLimitEvent Event(string status, bool? overageInUse, bool? isUsingOverage) =>
        new("five_hour", status, 0.5, Time.AddHours(2), "allowed", overageInUse, isUsingOverage, null, null);

    [Theory]
    [InlineData(true, null, true)]   // the server's overage-in-use header
    [InlineData(null, true, true)]   // a rejected window served from credits (isUsingOverage alone)
    [InlineData(false, true, true)]
    [InlineData(false, false, false)]
    [InlineData(null, null, false)]
    public void AnEventThatDrewCreditsMakesTheLaunchAnOverageLaunch(bool? overageInUse, bool? isUsingOverage, bool expected)
    {
        var row = Row(null, Event("allowed", false, false), Event("allowed", overageInUse, isUsingOverage));
        TeamLedgerFacts.IsOverage(row).ShouldBe(expected);
        row.DrewUsageCredits.ShouldBe(expected);
    }

    [Fact]
    public void ARejectedWindowAloneIsNotADrawOnCredits()
    {
        var row = Row(false, Event("rejected", false, false)) with { Overage = true, StoppedBy = "overage" };
        TeamLedgerFacts.IsOverage(row).ShouldBeFalse();
    }

    [Fact]
    public void ASchemaOneRowWithoutEventsKeepsItsColumn()
    {
        TeamLedgerFacts.IsOverage(Row(true)).ShouldBeTrue();
        TeamLedgerFacts.IsOverage(Row(false)).ShouldBeFalse();
        TeamLedgerFacts.IsOverage(Row(null)).ShouldBeFalse();
    }

    [Fact]
    public void TheFactSentToTheStoreCarriesTheSameAnswer()
    {
        var key = TeamKey.FromSecret("team-secret-for-tests-0123456789");
        var fact = TeamLedgerFacts.ToFact(Row(false, Event("rejected", null, true)), key, TimeZoneInfo.Utc, "/home/alice");
        fact.Overage.ShouldBeTrue();
    }
}
