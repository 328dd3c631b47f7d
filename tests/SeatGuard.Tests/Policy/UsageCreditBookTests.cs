using SeatGuard.Core.Launch;
using SeatGuard.Core.Policy;

namespace SeatGuard.Tests.Policy;

public sealed class UsageCreditBookTests
{
    private static IReadOnlyList<UsageCreditRule> Rules => UsageCreditBook.LoadEmbedded();

    [Fact]
    public void EveryRuleIsDatedSourcedAndReadOnADay()
    {
        Rules.Count.ShouldBeGreaterThanOrEqualTo(4);
        foreach (var r in Rules)
        {
            r.Since.ShouldMatch(@"^\d{4}(-\d{2}(-\d{2})?)?$");
            r.Sources.ShouldNotBeEmpty();
            r.Sources.ShouldAllBe(s => s.Url.StartsWith("https://") && s.Read != null);
            r.Confidence.ShouldBeOneOf("verified", "reported", "uncertain");
        }
    }

    [Fact]
    public void TheAgentSdkCreditIsKeptAsDataButPaused()
    {
        var sdk = Rules.Single(r => r.Id == "agent-sdk-monthly-credit");
        sdk.Status.ShouldBe("paused");
        sdk.Since.ShouldBe("2026-06-15");
        UsageCreditCheck.Evaluate(Rules, ["claude-sonnet-5-5"], ["pro"], headless: true, fastMode: false).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("fable", "pro", true)]
    [InlineData("claude-fable-5-2", "team-standard", true)]
    [InlineData("FABLE", "pro", true)]
    [InlineData("best", "pro", true)]
    [InlineData("claude-sonnet-4-6[1m]", "max", true)]
    [InlineData("claude-opus-4-6[1m]", "pro", true)]
    [InlineData("claude-opus-4-6[1m]", "max", false)]
    [InlineData("claude-sonnet-5-5", "pro", false)]
    [InlineData("sonnet[1m]", "pro", false)]
    [InlineData("fable", "max", false)] // included up to its weekly allowance: shown, not refused
    public void FirstRequestRulesByModelAndPlan(string model, string plan, bool refused) =>
        UsageCreditCheck.Evaluate(Rules, [model], [plan], headless: true, fastMode: false).Any(f => f.Rule.Enforced).ShouldBe(refused);

    [Fact]
    public void AnUnknownPlanFailsClosedAndSaysWhy()
    {
        var f = UsageCreditCheck.Evaluate(Rules, ["fable"], [], headless: true, fastMode: false).First(f => f.Rule.Enforced);
        f.PlanKnown.ShouldBeFalse();
        f.Describe().ShouldContain("cannot tell which plan");
        UsageCreditCheck.Evaluate(Rules, ["fable"], SubscriptionPlans.Candidates("team"), true, false).First(x => x.Rule.Enforced).PlanKnown.ShouldBeFalse();
    }

    [Fact]
    public void FastModeBillsCreditsOnEveryPlan() =>
        UsageCreditCheck.Evaluate(Rules, ["claude-opus-5-5"], ["max"], headless: false, fastMode: true).ShouldContain(f => f.Rule.Id == "fast-mode" && f.Rule.Enforced);

    [Fact]
    public void AUserFileOverridesARuleByIdAndAddsNewOnes()
    {
        var user = """
            usageCredits:
              - id: fable-from-first-request
                title: mine
                models: [fable]
                plans: [max]
                draws: first-request
                since: 2026-12
                confidence: reported
                sources:
                  - url: https://example.com/a
                    read: 2026-12-01
              - id: house-rule
                title: no opus on this laptop
                models: ["claude-opus-*"]
                plans: [pro]
                draws: first-request
                since: 2026-12-01
                confidence: uncertain
                sources: [{url: "https://example.com/b"}]
            """;
        var rules = UsageCreditBook.Load([(PolicyBookLoader.EmbeddedName, ReadEmbeddedBook()), ("policy.yaml", user)]);
        rules.Single(r => r.Id == "fable-from-first-request").Plans.ShouldBe(["max"]);
        rules.Single(r => r.Id == "house-rule").Enforced.ShouldBeFalse(); // uncertain rules are shown, not enforced
    }

    [Theory]
    [InlineData("usageCredits:\n  - id: x\n    title: t\n    models: [a]\n    plans: [platinum]\n    draws: first-request\n    since: 2026\n    confidence: reported\n    sources: [{url: 'https://e'}]", "platinum")]
    [InlineData("usageCredits:\n  - id: x\n    title: t\n    models: [a]\n    plans: [pro]\n    draws: sometimes\n    since: 2026\n    confidence: reported\n    sources: [{url: 'https://e'}]", "sometimes")]
    [InlineData("usageCredits:\n  - id: x\n    title: t\n    models: [a]\n    plans: [pro]\n    draws: first-request\n    since: 2026\n    confidence: reported", "source")]
    [InlineData("usageCredits:\n  - id: x\n    title: t\n    models: [a]\n    plans: [pro]\n    draws: first-request\n    since: soon\n    confidence: reported\n    sources: [{url: 'https://e'}]", "YYYY")]
    public void BadRulesNameTheFileLineAndProblem(string yaml, string mentions)
    {
        var e = Should.Throw<PolicyDataException>(() => UsageCreditBook.Load([("policy.yaml", yaml)]));
        e.Message.ShouldStartWith("policy.yaml:");
        e.Message.ShouldContain(mentions);
    }

    [Fact]
    public void ThePolicyBookStillLoadsWithTheNewSection() => PolicyBookLoader.LoadEmbedded().Scenarios.ShouldNotBeEmpty();

    private static string ReadEmbeddedBook()
    {
        using var s = typeof(PolicyBookLoader).Assembly.GetManifestResourceStream(typeof(PolicyBookLoader).Assembly.GetManifestResourceNames().Single(n => n.EndsWith("policy-book.yaml")))!;
        return new StreamReader(s).ReadToEnd();
    }
}
