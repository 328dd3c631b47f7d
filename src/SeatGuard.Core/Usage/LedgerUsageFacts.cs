using System.Text.Json.Serialization;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Usage;

/// <summary>
/// What the ledger adds to the transcripts (and ccusage cannot know): which billing source paid for a
/// session (recorded by <c>seatguard run</c>/<c>verify</c>), and the plan's own utilisation from the
/// rate-limit events those launches saw.
/// </summary>
public static class LedgerUsageFacts
{
    /// <summary>The billing source of sessions the ledger did not record.</summary>
    public const string Unrecorded = "unrecorded";

    /// <summary>The billing source per session id, from the ledger (the latest launch of a session wins).</summary>
    public static IReadOnlyDictionary<string, string> SourceBySession(IEnumerable<LedgerEntry> launches)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var e in launches.OrderBy(e => e.Time))
            if (e.SessionId is { Length: > 0 } s) map[s] = e.Billing;
        return map;
    }

    /// <summary>Sessions grouped by the billing source that paid for them; sessions no launch recorded are "unrecorded".</summary>
    public static IReadOnlyList<BillingSourceTotals> Split(IEnumerable<SessionRow> sessions, IReadOnlyDictionary<string, string> sourceBySession) =>
        sessions
            .GroupBy(s => sourceBySession.TryGetValue(s.SessionId, out var v) ? v : Unrecorded, StringComparer.Ordinal)
            .Select(g => new BillingSourceTotals(g.Key, g.Count(), g.Sum(s => s.TotalTokens), g.Sum(s => s.TotalCost)))
            .OrderByDescending(t => t.TotalCost)
            .ToList();

    /// <summary>The latest reported utilisation of each rate-limit window.</summary>
    public static IReadOnlyList<PlanUtilization> Utilization(IEnumerable<LedgerEntry> launches) =>
        launches
            .Where(e => e.RateLimitType is { Length: > 0 })
            .GroupBy(e => e.RateLimitType!, StringComparer.Ordinal)
            .Select(g => g.OrderBy(e => e.Time).Last())
            .Select(e => new PlanUtilization(e.RateLimitType!, e.RateLimitStatus, e.Utilization, e.OverageInUse, UsageReportBuilder.IsoTime(e.Time)))
            .OrderBy(u => u.RateLimitType, StringComparer.Ordinal)
            .ToList();

    /// <summary>The recorded launches, or none when no ledger exists yet or it cannot be read.</summary>
    public static IReadOnlyList<LedgerEntry> Launches(Common.HostContext host)
    {
        try
        {
            return LedgerStore.ReadIfExists(LedgerStore.DefaultPath(host));
        }
        catch (LedgerException)
        {
            return [];
        }
    }
}
