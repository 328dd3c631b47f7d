using SeatGuard.Core.Common;
using SeatGuard.Core.Team;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Team;

public sealed class TeamReportBuilderTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Day = new(2026, 11, 20);

    private TeamReportRequest Request(DateOnly? since = null, int perPerson = 3) =>
        new(TeamStoreAddress.Parse("postgresql://u@h/team", _sandbox.Host()), since, perPerson);

    private static MachineFacts Machine(string id, string person, string? name = null, string? osUser = null, DoctorFacts? doctor = null) =>
        new(id, name ?? id, osUser ?? person, person, "UTC", "0.1.0", doctor, Now);

    private static StoredLaunch Launch(string machine, long id, string owner, string beneficiary, string verdict, string? fp, bool overage = false, bool forced = false, DateOnly? day = null) =>
        new(machine, new LaunchFact(id, Now.AddHours(-id), day ?? Day, owner, beneficiary, "subscription", verdict, true,
            verdict == "subscription" ? "oauth-token" : "api-key", "env:X", fp, forced, overage, 0.5, 10, 5, 0, 0, null, null));

    private static StoredUsage Usage(string machine, string source, long tokens, double cost, DateOnly? day = null) =>
        new(machine, new UsageFact(day ?? Day, "claude-sonnet-4-5", "-work-p", source, tokens, 0, 0, 0, tokens, cost, 1, 0));

    [Fact]
    public void OneSubscriptionCredentialUsedByTwoPeopleIsARedPooledSeat()
    {
        var snapshot = new TeamSnapshot(
            [Machine("m1", "alice", "laptop"), Machine("m2", "bob", "desk"), Machine("m3", "carol", "box")],
            [],
            [Launch("m1", 1, "alice", "alice", "subscription", "hmac:aaaa"), Launch("m2", 1, "bob", "bob", "subscription", "hmac:aaaa"),
             Launch("m3", 1, "carol", "carol", "subscription", "hmac:cccc"), Launch("m3", 2, "carol", "carol", "api-key", "hmac:aaaa")]);

        var report = TeamReportBuilder.Build(snapshot, Request(), Now);

        var pooled = report.Findings.Where(f => f.Id == "pooled-seat").ShouldHaveSingleItem();
        pooled.Tier.ShouldBe(Tier.Red);
        pooled.Fingerprint.ShouldBe("hmac:aaaa");
        pooled.People.ShouldBe(["alice", "bob"]);
        pooled.Machines.ShouldBe(["desk", "laptop"]);
        pooled.Message.ShouldContain("2 people");
    }

    [Fact]
    public void OnePersonOnMoreMachinesThanPlausibleIsPooledButOnTheirUsualMachinesIsNot()
    {
        MachineFacts[] four = [Machine("m1", "dana"), Machine("m2", "dana"), Machine("m3", "dana"), Machine("m4", "dana")];
        var launches = four.Select((m, i) => Launch(m.MachineId, i + 1, "dana", "dana", "subscription", "hmac:dddd")).ToList();

        TeamReportBuilder.Build(new TeamSnapshot(four, [], launches), Request(perPerson: 3), Now).Findings.ShouldHaveSingleItem().Id.ShouldBe("pooled-seat");
        TeamReportBuilder.Build(new TeamSnapshot(four, [], launches), Request(perPerson: 4), Now).Findings.ShouldBeEmpty();
        TeamReportBuilder.Build(new TeamSnapshot(four[..3], [], launches[..3]), Request(), Now).Findings.ShouldBeEmpty();
    }

    [Fact]
    public void TheSameTokenOnTwoPeoplesMachinesIsPooledFromTheDoctorVerdictAloneToo()
    {
        var doctor = new DoctorFacts("subscription", "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", "hmac:eeee", 0, 0);
        var snapshot = new TeamSnapshot([Machine("m1", "erin", doctor: doctor), Machine("m2", "frank", doctor: doctor)], [], []);

        TeamReportBuilder.Build(snapshot, Request(), Now).Findings.ShouldHaveSingleItem().People.ShouldBe(["erin", "frank"]);
    }

    [Fact]
    public void RunsOnSomeoneElsesSeatAndSubscriptionLaunchesForOthersAreFound()
    {
        var snapshot = new TeamSnapshot(
            [Machine("m1", "alice"), Machine("m2", "gina", osUser: "gina")],
            [],
            [Launch("m1", 1, "alice", "alice", "subscription", "hmac:aaaa"),
             Launch("m2", 1, "alice", "gina", "subscription", "hmac:aaaa"),           // gina's machine runs on alice's seat
             Launch("m1", 2, "alice", "client-acme", "subscription", "hmac:aaaa", forced: true)]);

        var report = TeamReportBuilder.Build(snapshot, Request(), Now);

        var foreign = report.Findings.Single(f => f.Id == "someone-elses-seat");
        foreign.People.ShouldBe(["gina", "alice"]);
        foreign.Message.ShouldContain("gina ran 1 launch on alice's subscription seat");
        var forOthers = report.Findings.Where(f => f.Id == "subscription-for-others").ToList();
        forOthers.ShouldContain(f => f.People.Contains("client-acme") && f.Message.Contains("forced"));
        forOthers.ShouldContain(f => f.People.Contains("gina"));
        report.People.Single(p => p.Person == "alice").ForOthers.ShouldBe(1);
    }

    [Fact]
    public void PeopleShowLaunchesAndCostBySourceAndTotalsAddUpEveryRow()
    {
        var snapshot = new TeamSnapshot(
            [Machine("m1", "alice", "laptop"), Machine("m2", "alice", "desk"), Machine("m3", "bob")],
            [Usage("m1", "subscription", 100, 1.25), Usage("m2", "api-key", 50, 0.5), Usage("m2", "unrecorded", 10, 0.25), Usage("m3", "subscription", 7, 0.125),
             Usage("m3", "subscription", 1000, 9, day: Day.AddDays(-10))],
            [Launch("m1", 1, "alice", "alice", "subscription", "hmac:a", overage: true), Launch("m2", 1, "alice", "alice", "api-key", null),
             Launch("m2", 2, "alice", "alice", "api-key", null), Launch("m3", 1, "bob", "bob", "gateway", null), Launch("m3", 2, "bob", "bob", "api-key", null, day: Day.AddDays(-10))]);

        var report = TeamReportBuilder.Build(snapshot, Request(since: Day), Now);

        var alice = report.People.Single(p => p.Person == "alice");
        alice.Machines.ShouldBe(["desk", "laptop"]);
        alice.Launches.Keys.ShouldBe(["subscription", "api-key", "gateway", "cloud-provider"]);
        alice.Launches["subscription"].ShouldBe(1);
        alice.Launches["api-key"].ShouldBe(2);
        alice.LaunchShare["api-key"].ShouldBe(0.6667);
        alice.OverageEvents.ShouldBe(1);
        alice.ApiKeyFallbacks.ShouldBe(2);
        alice.CostUsd.ShouldBe(2.0);
        alice.CostBySource["subscription"].ShouldBe(1.25);
        alice.CostShare["unrecorded"].ShouldBe(0.125);
        report.People.Single(p => p.Person == "bob").Launches["api-key"].ShouldBe(0, "the launch before --since is not counted");
        report.Totals.TotalTokens.ShouldBe(167);
        report.Totals.TotalCost.ShouldBe(2.125);
        report.Since.ShouldBe("2026-11-20");
        report.Findings.ShouldBeEmpty();
    }

    [Fact]
    public void MachinesWithTheSameNameStayApartAndPeopleMatchWhateverTheirCase()
    {
        var snapshot = new TeamSnapshot([Machine("aaaaaaaa1111", "Alice", "laptop"), Machine("bbbbbbbb2222", "alice", "laptop")], [], []);

        var report = TeamReportBuilder.Build(snapshot, Request(), Now);

        report.People.ShouldHaveSingleItem().Machines.ShouldBe(["laptop (aaaaaaaa)", "laptop (bbbbbbbb)"]);
    }

    [Fact]
    public void TheHtmlPageMarksThePooledSeatRedAndCarriesNoRawFingerprint()
    {
        var snapshot = new TeamSnapshot([Machine("m1", "alice"), Machine("m2", "bob")], [Usage("m1", "subscription", 10, 1)],
            [Launch("m1", 1, "alice", "alice", "subscription", "hmac:aaaa"), Launch("m2", 1, "bob", "bob", "subscription", "hmac:aaaa")]);

        var html = TeamHtmlWriter.Render(TeamReportBuilder.Build(snapshot, Request(), Now));

        html.ShouldContain("<div class=\"finding red\" data-finding=\"pooled-seat\">");
        html.ShouldContain($"id=\"{TeamHtmlWriter.LaunchesId}-chart\"");
        html.ShouldContain($"id=\"{TeamHtmlWriter.CostId}-chart\"");
        html.ShouldContain(HtmlReportWriterCss());
        html.ShouldContain("default-src 'none'");
        html.ShouldNotContain("sha256:");
    }

    private static string HtmlReportWriterCss() => SeatGuard.Core.Report.HtmlReportWriter.Css[..80];
}
