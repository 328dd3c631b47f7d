using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;

namespace SeatGuard.Tests.Policy;

public sealed class PolicyEvaluatorTests
{
    private static readonly PolicyBook Book = PolicyBookLoader.LoadEmbedded();

    public static readonly TheoryData<string, Tier, Recommendation, string> Paths = new()
    {
        // answers, tier, credential, decidedBy
        { "yes,no,yes,no,no", Tier.Green, Recommendation.Subscription, "q5" },
        { "no,no,yes,no,no", Tier.Gray, Recommendation.ApiKey, "q1" },
        { "yes,yes,yes,no,no", Tier.Gray, Recommendation.ApiKey, "q2" },
        { "yes,no,no,no,no", Tier.Gray, Recommendation.ApiKey, "q3" },
        { "yes,no,yes,yes,no", Tier.Gray, Recommendation.ApiKey, "q4" },
        { "yes,no,yes,no,yes", Tier.Red, Recommendation.Stop, "q5" },
        // every answer is taken in: a later red answer beats an earlier gray one
        { "no,yes,no,yes,yes", Tier.Red, Recommendation.Stop, "q5" },
        // several gray answers: the first in framework order is named
        { "yes,yes,no,yes,no", Tier.Gray, Recommendation.ApiKey, "q2" },
        { "no,yes,no,yes,no", Tier.Gray, Recommendation.ApiKey, "q1" },
        { "yes,no,no,yes,no", Tier.Gray, Recommendation.ApiKey, "q3" },
    };

    [Theory]
    [MemberData(nameof(Paths))]
    public void EveryQuestionPathDecides(string answers, Tier tier, Recommendation credential, string decidedBy)
    {
        var parsed = PolicyEvaluator.ParseAnswers(answers, out _).ShouldNotBeNull();
        var d = PolicyEvaluator.Evaluate(Book, parsed);
        d.Tier.ShouldBe(tier);
        d.Credential.ShouldBe(credential);
        d.DecidedBy.ShouldBe(decidedBy);
        d.Answers.Keys.ShouldBe(["q1", "q2", "q3", "q4", "q5"]);
        d.Answers.Values.ShouldBe(answers.Split(','));
        d.Sources.ShouldContain("https://code.claude.com/docs/en/legal-and-compliance");
        d.Rule.ShouldBe(Book.Rule.Summary);
        if (tier != Tier.Green) d.Reason.ShouldStartWith(decidedBy + " ");
    }

    [Fact]
    public void AllThirtyTwoCombinationsFollowTheStatedSemantics()
    {
        for (int bits = 0; bits < 32; bits++)
        {
            var a = Enumerable.Range(0, 5).Select(i => (bits >> i & 1) == 1).ToArray();
            var d = PolicyEvaluator.Evaluate(Book, a);
            string expectedBy = a[4] ? "q5" : !a[0] ? "q1" : a[1] ? "q2" : !a[2] ? "q3" : a[3] ? "q4" : "q5";
            Tier expectedTier = a[4] ? Tier.Red : expectedBy == "q5" ? Tier.Green : Tier.Gray;
            (d.Tier, d.DecidedBy).ShouldBe((expectedTier, expectedBy), $"answers {string.Join(',', a)}");
            d.IsRed.ShouldBe(a[4]);
        }
    }

    [Theory]
    [InlineData("yes,no,yes,no,no")]
    [InlineData("Y,n,YES,No,n")]
    [InlineData(" y , n , y , n , n ")]
    public void AnswersAcceptYesNoAndYN(string text)
    {
        PolicyEvaluator.ParseAnswers(text, out var problem).ShouldBe([true, false, true, false, false]);
        problem.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("yes,no,yes,no", "exactly 5")]
    [InlineData("yes,no,yes,no,no,no", "exactly 5")]
    [InlineData("", "exactly 5")]
    [InlineData("yes,no,maybe,no,no", "value 3 is 'maybe'")]
    [InlineData("yes,no,yes,no,", "value 5 is ''")]
    [InlineData("1,0,1,0,0", "value 1 is '1'")]
    public void BadAnswersGiveOneClearProblem(string text, string expected)
    {
        PolicyEvaluator.ParseAnswers(text, out var problem).ShouldBeNull();
        problem.ShouldContain(expected);
        problem.ShouldNotContain("\n");
    }

    [Fact]
    public void UnknownScenarioIsRejected()
    {
        Should.Throw<ArgumentException>(() => PolicyEvaluator.ForScenario(Book, "nope")).Message.ShouldContain("nope");
    }

    [Fact]
    public void ScenarioIdsAreMatchedWithoutRegardToCase()
    {
        PolicyEvaluator.ForScenario(Book, "Multi-Tenant-SaaS").Scenario.ShouldBe("multi-tenant-saas");
    }

    private sealed class ScriptedPrompt(params bool[] answers) : IDecisionPrompt
    {
        public List<(string Id, int Number, int Total)> Asked { get; } = [];

        public bool Ask(PolicyQuestion question, int number, int total)
        {
            Asked.Add((question.Id, number, total));
            return answers[number - 1];
        }
    }

    [Fact]
    public void InterviewAsksEveryQuestionOnceInOrderAndDecides()
    {
        var prompt = new ScriptedPrompt(true, true, true, false, false);
        var d = DecisionInterview.Run(Book, prompt);
        prompt.Asked.ShouldBe([("q1", 1, 5), ("q2", 2, 5), ("q3", 3, 5), ("q4", 4, 5), ("q5", 5, 5)]);
        d.Tier.ShouldBe(Tier.Gray);
        d.DecidedBy.ShouldBe("q2");
    }

    [Fact]
    public void InterviewTakesInAnswersAfterAConcern()
    {
        var d = DecisionInterview.Run(Book, new ScriptedPrompt(false, false, true, false, true));
        d.Tier.ShouldBe(Tier.Red);
        d.Credential.ShouldBe(Recommendation.Stop);
    }
}
