namespace SeatGuard.Core.Policy;

/// <summary>
/// The plan names of the usage-credit rules, and which of them a Claude Code login or SeatGuard's config names.
/// A login file says only <c>team</c> or <c>enterprise</c>, not the seat type, so those stand for both seats.
/// </summary>
public static class SubscriptionPlans
{
    /// <summary>The plan names the usage-credit rules use.</summary>
    public static readonly IReadOnlyList<string> Names = ["free", "pro", "max", "team-standard", "team-premium", "enterprise-standard", "enterprise-premium"];

    /// <summary>The plans a name can mean (<c>max5</c>/<c>max20</c> are max; <c>team</c> either team seat); empty when unknown.</summary>
    public static IReadOnlyList<string> Candidates(string? name) => name?.Trim().ToLowerInvariant() switch
    {
        null or "" => [],
        "max5" or "max20" or "max-5x" or "max-20x" or "max" => ["max"],
        "team" => ["team-standard", "team-premium"],
        "enterprise" => ["enterprise-standard", "enterprise-premium"],
        var n when Names.Contains(n) => [n],
        _ => [],
    };
}
