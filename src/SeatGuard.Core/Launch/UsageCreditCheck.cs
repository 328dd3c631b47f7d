using SeatGuard.Core.Policy;

namespace SeatGuard.Core.Launch;

/// <summary>Which of the policy book's usage-credit rules apply to a launch's model, plan and mode.</summary>
public static class UsageCreditCheck
{
    /// <summary>The findings: every active rule whose model pattern (or fast mode) and plans match this launch.</summary>
    /// <param name="rules">The policy book's usage-credit rules.</param>
    /// <param name="models">The model names in play (as asked for and as remapped); empty when no model is chosen.</param>
    /// <param name="plans">The plans the credential may be on (empty: unknown, so every paid plan).</param>
    /// <param name="headless">A <c>-p</c> or Agent SDK run.</param>
    /// <param name="fastMode">Fast mode is on for this launch.</param>
    public static IReadOnlyList<UsageCreditFinding> Evaluate(IReadOnlyList<UsageCreditRule> rules, IReadOnlyList<string> models, IReadOnlyList<string> plans, bool headless, bool fastMode)
    {
        var candidates = plans.Count > 0 ? plans : SubscriptionPlans.Names.Where(p => p != "free").ToArray();
        var findings = new List<UsageCreditFinding>();
        foreach (var rule in rules)
        {
            if (rule.Status != UsageCreditRule.Active) continue;
            if (rule.Headless && !headless) continue;
            var inPlay = candidates.Where(rule.Plans.Contains).ToArray();
            if (inPlay.Length == 0) continue;
            bool planKnown = plans.Count > 0 && inPlay.Length == candidates.Count;
            string? matched = null;
            if (rule.Setting is { } setting)
            {
                if (setting == "fastMode" && fastMode && (models.Count == 0 || models.Any(rule.MatchesModel))) matched = "fast mode";
            }
            else matched = models.FirstOrDefault(rule.MatchesModel);
            if (matched is not null) findings.Add(new UsageCreditFinding(rule, matched, inPlay, planKnown));
        }
        return findings;
    }
}
