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
            .Select(g => new BillingSourceTotals(g.Key, g.Count(), g.Sum(s => s.TotalTokens), g.All(s => s.TotalCost is null) ? null : g.Sum(s => s.TotalCost ?? 0)))
            .OrderByDescending(t => t.TotalCost ?? -1)
            .ToList();

    /// <summary>The latest reported utilisation of each rate-limit window (every window of every recorded event), with its pace at <paramref name="now"/>.</summary>
    public static IReadOnlyList<PlanUtilization> Utilization(IEnumerable<LedgerEntry> launches, DateTimeOffset now) =>
        PlanWindows.Latest(launches)
            .Select(w =>
            {
                var pace = w.PaceAt(now);
                return new PlanUtilization(w.Window, w.Status, w.Utilization, w.OverageInUse, UsageReportBuilder.IsoTime(w.ReportedAt))
                {
                    ResetsAt = w.ResetsAt is { } r ? UsageReportBuilder.IsoTime(r) : null,
                    WindowElapsed = pace is null ? null : Math.Round(pace.Elapsed, 3),
                    RunsOutBeforeReset = pace?.RunsOutBeforeReset,
                    Expired = w.ResetsAt is { } reset && reset <= now,
                };
            })
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
