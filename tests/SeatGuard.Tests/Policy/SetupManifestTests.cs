using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;

namespace SeatGuard.Tests.Policy;

public sealed class SetupManifestTests
{
    private static readonly PolicyBook Book = PolicyBookLoader.LoadEmbedded();

    private static string Manifest(string runsFor = "me", string consumers = "me", string work = "mine",
        string harness = "claude-code", string deployedOn = "laptop", int users = 1, string extra = "") =>
        $"runsFor: {runsFor}\nconsumers: {consumers}\nwork: {work}\nharness: {harness}\ndeployedOn: {deployedOn}\nusers: {users}\n{extra}";

    private static Decision Decide(string text) => SetupManifest.Parse(text, "setup.yaml").Decide(Book);

    public static readonly TheoryData<string, Tier, string, string> Cases = new()
    {
        // manifest, tier, decidedBy, scenario
        { Manifest(), Tier.Green, "q5", "personal-scripts" },
        { Manifest(harness: "agent-sdk"), Tier.Green, "q5", "own-agents-sdk" },
        { Manifest(deployedOn: "ci"), Tier.Green, "q5", "ci-own-repository" },
        { Manifest(work: "employer"), Tier.Green, "q5", "work-you-author" },
        { Manifest(harness: "first-party-app"), Tier.Green, "q5", "first-party-apps" },
        { Manifest(work: "client", consumers: "clients"), Tier.Gray, "q2", "agency-client-work" },
        { Manifest(consumers: "team", deployedOn: "server"), Tier.Gray, "q2", "slack-bot-multiple-consumers" },
        { Manifest(consumers: "public", users: 40, extra: "credential: shipped\n"), Tier.Gray, "q1", "oss-cli-ships-token" },
        { Manifest(runsFor: "team", consumers: "team", users: 6, deployedOn: "server"), Tier.Gray, "q1", "internal-team-tool" },
        { Manifest(harness: "third-party", deployedOn: "server"), Tier.Gray, "q4", "third-party-harness" },
        { Manifest(runsFor: "customers", consumers: "customers", work: "others", deployedOn: "server", users: 300), Tier.Red, "q5", "product-users-hit-your-token" },
        { Manifest(deployedOn: "saas", users: 12, consumers: "customers"), Tier.Red, "q5", "multi-tenant-saas" },
        { Manifest(runsFor: "team", consumers: "team", users: 5, extra: "credential: shared\n"), Tier.Red, "q5", "pooled-subscription" },
        { Manifest(extra: "resold: yes\n"), Tier.Red, "q5", "reselling" },
        { Manifest(extra: "credential: extracted\n"), Tier.Red, "q5", "extracting-tokens" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void ManifestMapsToTheFrameworkAndAScenario(string text, Tier tier, string decidedBy, string scenario)
    {
        var d = Decide(text);
        d.Tier.ShouldBe(tier);
        d.DecidedBy.ShouldBe(decidedBy);
        d.Scenario.ShouldBe(scenario);
        d.Matches.ShouldContain(scenario);
        Book.FindScenario(scenario)!.Tier.ShouldBe(tier);
    }

    [Fact]
    public void CiWithOtherContributorsNeedsAnApiKeyWithoutANamedScenario()
    {
        var d = Decide(Manifest(deployedOn: "ci", extra: "contributors: 3\n"));
        d.Tier.ShouldBe(Tier.Gray);
        d.Credential.ShouldBe(Recommendation.ApiKey);
        d.DecidedBy.ShouldBe("q1");
        d.Scenario.ShouldBeNull();
    }

    [Fact]
    public void AnswersFollowTheFields()
    {
        SetupManifest.Parse(Manifest(), "m.yaml").Answers().ShouldBe([true, false, true, false, false]);
        SetupManifest.Parse(Manifest(runsFor: "clients", consumers: "clients", work: "client"), "m.yaml").Answers()
            .ShouldBe([false, true, false, true, false]);
    }

    public static readonly TheoryData<string, int, string> Malformed = new()
    {
        { Manifest(harness: "openclaw"), 4, "'harness' is 'openclaw'" },
        { Manifest(users: 0), 6, "at least 1" },
        { Manifest() + "colour: blue\n", 7, "unknown key 'colour'" },
        { "runsFor: me\nconsumers: [me\n", 3, "not valid YAML" },
        { "runsFor: me\n", 1, "needs 'consumers'" },
        { Manifest(extra: "resold: perhaps\n"), 7, "yes or no" },
        { Manifest(extra: "users: 2\n"), 7, "not valid YAML" },
    };

    [Theory]
    [MemberData(nameof(Malformed))]
    public void MalformedManifestNamesFileAndLine(string text, int line, string problem)
    {
        var ex = Should.Throw<PolicyDataException>(() => SetupManifest.Parse(text, "setup.yaml"));
        ex.Message.ShouldStartWith($"setup.yaml:{line}: ");
        ex.Problem.ShouldContain(problem);
    }
}
