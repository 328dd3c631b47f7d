using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// Every rule's own true and false examples (rules.yaml <c>examples:</c>, as gitleaks keeps them beside each
/// rule): a hit is reported by that rule with high confidence (at its line when one is given); a miss is not.
/// </summary>
public sealed class RuleExampleTests
{
    public static TheoryData<string, int> Examples()
    {
        var data = new TheoryData<string, int>();
        foreach (var rule in RuleBook.Load().Rules)
        {
            for (int i = 0; i < rule.Examples.Count; i++) data.Add(rule.Id, i);
        }
        return data;
    }

    /// <summary>The example text with each token placeholder replaced by a fresh fake token.</summary>
    internal static string Expand(string text) =>
        text.Replace("{{oat}}", FakeTokens.OAuthToken()).Replace("{{ort}}", FakeTokens.RefreshToken())
            .Replace("{{api}}", FakeTokens.ApiKey()).Replace("{{admin}}", FakeTokens.AdminKey());

    [Theory]
    [MemberData(nameof(Examples))]
    public void RuleReportsItsHitsAndNotItsMisses(string ruleId, int index)
    {
        var rule = RuleBook.Load().Rules.Single(r => r.Id == ruleId);
        var example = rule.Examples[index];
        using var box = new ScanSandbox();
        box.Write(example.Path, Expand(example.Text));
        var mine = box.Scan().Findings.Where(f => f.Rule == ruleId && f.IsHighConfidence).ToList();
        if (example.Hit)
        {
            mine.ShouldNotBeEmpty($"{ruleId} example {index} ({example.Path}) should be reported");
            if (example.Line > 0) mine.Select(f => f.Line).ShouldContain(example.Line, $"{ruleId} example {index} at line {example.Line}");
        }
        else
        {
            mine.ShouldBeEmpty($"{ruleId} example {index} ({example.Path}) must not be reported");
        }
    }

    [Fact]
    public void EveryRuleHasAHitAndAMissExceptTheContributorChecks()
    {
        // shared-repo and own-repo need real git history; WorkflowRepositoryTests covers them.
        var exempt = new HashSet<string> { "workflow-oauth-shared-repo", "workflow-oauth-own-repo" };
        foreach (var rule in RuleBook.Load().Rules.Where(r => !exempt.Contains(r.Id)))
        {
            rule.Examples.ShouldContain(e => e.Hit, $"{rule.Id} has no true example");
            rule.Examples.ShouldContain(e => !e.Hit, $"{rule.Id} has no false example");
        }
    }
}
