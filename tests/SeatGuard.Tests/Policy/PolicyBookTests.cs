using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Policy;

public sealed class PolicyBookTests
{
    public static readonly TheoryData<string, Tier> RequiredScenarios = new()
    {
        { "personal-scripts", Tier.Green }, { "own-agents-sdk", Tier.Green }, { "ci-own-repository", Tier.Green },
        { "work-you-author", Tier.Green }, { "first-party-apps", Tier.Green },
        { "agency-client-work", Tier.Gray }, { "slack-bot-multiple-consumers", Tier.Gray }, { "oss-cli-ships-token", Tier.Gray },
        { "internal-team-tool", Tier.Gray }, { "third-party-harness", Tier.Gray },
        { "product-users-hit-your-token", Tier.Red }, { "multi-tenant-saas", Tier.Red }, { "pooled-subscription", Tier.Red },
        { "reselling", Tier.Red }, { "extracting-tokens", Tier.Red },
    };

    private static readonly PolicyBook Book = PolicyBookLoader.LoadEmbedded();

    [Theory]
    [MemberData(nameof(RequiredScenarios))]
    public void EveryRequiredScenarioIsInTheBookWithItsTier(string id, Tier tier)
    {
        var scenario = Book.FindScenario(id).ShouldNotBeNull();
        scenario.Tier.ShouldBe(tier);
        scenario.Credential.ShouldBe(Book.Tier(tier).Credential);
        scenario.Why.ShouldNotBeNullOrWhiteSpace();
        scenario.Sources.ShouldNotBeEmpty();
    }

    [Theory]
    [MemberData(nameof(RequiredScenarios))]
    public void EveryScenarioDecidesItsOwnTierAndItsAnswersAgree(string id, Tier tier)
    {
        var decision = PolicyEvaluator.ForScenario(Book, id);
        decision.Tier.ShouldBe(tier);
        decision.DecidedBy.ShouldBe("scenario:" + id);
        decision.Scenario.ShouldBe(id);
        decision.Sources.ShouldNotBeEmpty();
        decision.Answers.Count.ShouldBe(5);

        // The scenario's own five answers lead to the same tier through the framework.
        var answers = Book.FindScenario(id)!.Answers.Select(a => a == "yes").ToArray();
        PolicyEvaluator.Evaluate(Book, answers).Tier.ShouldBe(tier);
    }

    [Fact]
    public void TiersCarryTheirCredentials()
    {
        Book.Tiers.Select(t => (t.Id, t.Credential)).ShouldBe(
            [(Tier.Green, Recommendation.Subscription), (Tier.Gray, Recommendation.ApiKey), (Tier.Red, Recommendation.Stop)]);
    }

    [Fact]
    public void QuestionsAreTheFiveInOrderAndOnlyQ5IsRed()
    {
        Book.Questions.Select(q => q.Id).ShouldBe(["q1", "q2", "q3", "q4", "q5"]);
        Book.Questions.Select(q => q.Concern).ShouldBe(["no", "yes", "no", "yes", "yes"]);
        Book.Questions.Select(q => q.Tier).ShouldBe([Tier.Gray, Tier.Gray, Tier.Gray, Tier.Gray, Tier.Red]);
    }

    [Fact]
    public void BookIsVersionedDatedAndCitesTheLegalPage()
    {
        Book.Version.ShouldNotBeNullOrWhiteSpace();
        Book.Date.ShouldMatch(@"^\d{4}-\d{2}-\d{2}$");
        Book.Sources.ShouldContain(s => s.Url == "https://code.claude.com/docs/en/legal-and-compliance");
        Book.Sources.ShouldContain(s => s.Title.Contains("Claude Code Subscription: Safe Use Without a Ban"));
        Book.Cite(Book.Rule.Sources).ShouldContain("https://code.claude.com/docs/en/legal-and-compliance");
    }

    [Fact]
    public void EventsAreDatedInOrderAndRecordTheAprilThirdPartyChanges()
    {
        Book.Events.ShouldContain(e => e.Date == "2026-04-03" && e.Scenarios.Contains("third-party-harness"));
        Book.Events.ShouldContain(e => e.Date == "2026-04-09");
        var dates = Book.Events.Select(e => e.Date).ToArray();
        Array.IndexOf(dates, "2026-04-03").ShouldBeLessThan(Array.IndexOf(dates, "2026-04-09"));
        // "late April" (2026-04) sorts after the known days of April and before May.
        Array.IndexOf(dates, "2026-04").ShouldBeGreaterThan(Array.LastIndexOf(dates, "2026-04-09"));
        dates.Where(d => string.CompareOrdinal(d, "2026-05") >= 0).ShouldAllBe(d => Array.IndexOf(dates, d) > Array.IndexOf(dates, "2026-04"));
        Book.Events.ShouldAllBe(e => e.Sources.Count > 0);
    }

    [Fact]
    public void UserFileOverridesAndExtendsById()
    {
        var user = """
            version: "local-1"
            scenarios:
              - id: reselling
                why: My own words about reselling.
              - id: nightly-digest
                title: A digest mailed to my team every night
                tier: gray
                credential: api-key
                answers: [yes, yes, yes, no, no]
                why: The team reads it.
                sources: [seed]
            """;
        var book = PolicyBookLoader.Load([(PolicyBookLoader.EmbeddedName, PolicyBookLoader.ReadEmbedded()), ("user.yaml", user)]);
        book.Version.ShouldBe("local-1");
        book.FindScenario("reselling")!.Why.ShouldBe("My own words about reselling.");
        book.FindScenario("reselling")!.Tier.ShouldBe(Tier.Red); // untouched fields stay
        book.FindScenario("nightly-digest")!.Tier.ShouldBe(Tier.Gray);
        book.Scenarios.Count.ShouldBe(Book.Scenarios.Count + 1);
        book.LoadedFrom.ShouldBe([PolicyBookLoader.EmbeddedName, "user.yaml"]);
    }

    [Fact]
    public void UserFileIsFoundInXdgConfigHomeThenHomeConfig()
    {
        using var sandbox = new SandboxHome();
        var xdg = Path.Combine(sandbox.Root, "xdg");
        var host = new HostContext(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = xdg }, sandbox.Home, sandbox.Project, HostOs.Linux);
        PolicyBookLoader.UserFile(host, null).ShouldBeNull();
        sandbox.WriteText(Path.Combine(xdg, "seatguard", "policy.yaml"), "version: xdg\n");
        PolicyBookLoader.Load(host).Version.ShouldBe("xdg");

        var plain = host.WithEnvironment(new Dictionary<string, string>());
        sandbox.WriteText(Path.Combine(sandbox.Home, ".config", "seatguard", "policy.yaml"), "version: home\n");
        PolicyBookLoader.Load(plain).Version.ShouldBe("home");
    }

    [Fact]
    public void ExplicitPolicyFileMustExist()
    {
        using var sandbox = new SandboxHome();
        var host = new HostContext(new Dictionary<string, string>(), sandbox.Home, sandbox.Project, HostOs.Linux);
        Should.Throw<InputException>(() => PolicyBookLoader.Load(host, "missing.yaml")).Message.ShouldContain("missing.yaml");
    }

    public static readonly TheoryData<string, int, string> MalformedUserFiles = new()
    {
        { "version: 1\nscenarios:\n  - id: reselling\n    tier: purple\n", 4, "'tier' is 'purple'" },
        { "scenarios:\n  - id: reselling\n    colour: red\n", 3, "unknown key 'colour'" },
        { "version: [1\n", 2, "not valid YAML" },
        { "scenarios:\n  - title: no id here\n", 2, "needs an 'id'" },
        { "scenarios:\n  - id: new-one\n    title: New\n", 2, "has no 'tier'" },
        { "\n\nevents:\n  - id: reselling-ban\n    date: April\n", 5, "'date' must be" },
        { "scenarios:\n  - id: reselling\n    sources: [nowhere]\n", 3, "unknown source 'nowhere'" },
        { "questions:\n  - id: q6\n    text: Extra?\n", 2, "unknown question 'q6'" },
        { "scenarios:\n  - id: reselling\n    answers: [yes, no]\n", 3, "exactly 5 values" },
        { "scenarios:\n  - id: reselling\n  - id: reselling\n", 3, "appears twice" },
        { "- just\n- a list\n", 1, "mapping" },
        { "surprise: 1\n", 1, "unknown key 'surprise'" },
    };

    [Theory]
    [MemberData(nameof(MalformedUserFiles))]
    public void MalformedUserFileNamesFileAndLine(string text, int line, string problem)
    {
        var ex = Should.Throw<PolicyDataException>(() =>
            PolicyBookLoader.Load([(PolicyBookLoader.EmbeddedName, PolicyBookLoader.ReadEmbedded()), ("mine.yaml", text)]));
        ex.File.ShouldBe("mine.yaml");
        ex.Line.ShouldBe(line);
        ex.Message.ShouldStartWith($"mine.yaml:{line}: ");
        ex.Problem.ShouldContain(problem);
    }
}
