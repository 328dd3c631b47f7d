using SeatGuard.Core.Policy;
using SeatGuard.Core.Scan;

namespace SeatGuard.Tests.Scan;

/// <summary>The scanner explains a tier with the policy book's scenarios: every id it names must exist there, with the same tier.</summary>
public sealed class ScenarioReferenceTests
{
    public static TheoryData<string> RulesWithScenario() =>
        new(RuleBook.Load().Rules.Where(r => r.Scenario is not null).Select(r => r.Id));

    [Theory]
    [MemberData(nameof(RulesWithScenario))]
    public void ScenarioExistsInThePolicyBook(string ruleId)
    {
        var rule = RuleBook.Load().Rules.Single(r => r.Id == ruleId);
        var scenario = PolicyBookLoader.LoadEmbedded().Scenarios.SingleOrDefault(s => s.Id == rule.Scenario);
        scenario.ShouldNotBeNull($"rule {rule.Id} names scenario '{rule.Scenario}', which the policy book does not have");
    }
}
