using SeatGuard.Core.Launch;
using SeatGuard.Core.Policy;

namespace SeatGuard.Tests.Launch;

public sealed class ModelPolicyTests
{
    private const string Policy = """
        rules:
          - name: weekly-limit-near
            when: { sevenDayAbove: 80% }
            model: sonnet
            override: yes
          - name: heavy-reasoning
            when: { promptMatches: [architecture, design review] }
            model: opus
          - name: routine
            model: sonnet
        """;

    private static ModelPolicy P => ModelPolicy.Parse(Policy, "models.yaml");

    [Fact]
    public void HeavyReasoningGoesToOpusRoutineToSonnet()
    {
        P.Decide(null, "Do a Design Review of the cache", null, 0.2).ShouldSatisfyAllConditions(
            d => d.Model.ShouldBe("opus"), d => d.Rule.ShouldBe("heavy-reasoning"), d => d.Reason.ShouldContain("design review"));
        P.Decide(null, "fix the typo", null, null).Model.ShouldBe("sonnet");
    }

    [Fact]
    public void StepsDownWhenTheRecordedWeeklyUseIsHighEvenOverAnExplicitModel()
    {
        var d = P.Decide("opus", "architecture", null, 0.85);
        (d.Model, d.Rule, d.Changed).ShouldBe(("sonnet", "weekly-limit-near", true));
        d.Describe().ShouldContain("85%");
    }

    [Fact]
    public void AnExplicitModelWinsOverARuleThatDoesNotOverride()
    {
        var d = P.Decide("haiku", "architecture", null, 0.1);
        (d.Model, d.Changed).ShouldBe(("haiku", false));
    }

    [Fact]
    public void ApplyReplacesTheModelOption() =>
        ModelPolicy.Apply(["-p", "x", "--model=opus"], new ModelDecision("sonnet", "r", "why", true)).ShouldBe(["-p", "x", "--model", "sonnet"]);

    [Theory]
    [InlineData("rules: []", "needs 'rules'")]
    [InlineData("rules:\n  - name: a\n    when: { sevenDayAbove: lots }\n    model: x", "fraction")]
    [InlineData("rules:\n  - name: a\n    when: { moonPhase: full }\n    model: x", "moonPhase")]
    [InlineData("rules:\n  - name: a", "needs 'model'")]
    public void BadPoliciesSayWhereAndWhat(string yaml, string mentions) =>
        Should.Throw<PolicyDataException>(() => ModelPolicy.Parse(yaml, "models.yaml")).Message.ShouldContain(mentions);
}
