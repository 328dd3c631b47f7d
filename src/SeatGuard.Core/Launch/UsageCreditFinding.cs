using SeatGuard.Core.Policy;

namespace SeatGuard.Core.Launch;

/// <summary>A usage-credit rule that applies to a launch: the rule, the model (or mode) it matched, and the plans in play.</summary>
/// <param name="Rule">The rule that applies.</param>
/// <param name="Matched">The model name (or <c>fast mode</c>) it matched.</param>
/// <param name="Plans">The plans in play.</param>
/// <param name="PlanKnown">The user's plan is known to be one the rule names (false: it may be; SeatGuard could not tell).</param>
public sealed record UsageCreditFinding(UsageCreditRule Rule, string Matched, IReadOnlyList<string> Plans, bool PlanKnown)
{
    /// <summary>One line: what draws credits, on which plan, and the rule it comes from.</summary>
    public string Describe()
    {
        string what = Rule.Setting is { } s ? $"{s} (from the settings)" : Matched;
        string when = Rule.Draws == UsageCreditRule.FirstRequest ? "from the first request" : "once the plan's allowance for it is spent";
        string plan = PlanKnown
            ? "on the " + string.Join("/", Plans) + " plan"
            : "on " + string.Join(", ", Rule.Plans) + " (SeatGuard cannot tell which plan this credential is on; set \"plan\" in SeatGuard's config.json)";
        return $"{what} bills usage credits {when} {plan} ({Rule.Citation})";
    }
}
