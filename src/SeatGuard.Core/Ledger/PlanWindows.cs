namespace SeatGuard.Core.Ledger;

/// <summary>The plan's windows as the ledger's recorded rate-limit events last reported them.</summary>
public static class PlanWindows
{
    /// <summary>The latest report of every window (from each event's windows, else its representative window), by window name.</summary>
    public static IReadOnlyList<PlanWindowState> Latest(IEnumerable<LedgerEntry> launches)
    {
        var latest = new Dictionary<string, PlanWindowState>(StringComparer.Ordinal);
        void Offer(PlanWindowState s)
        {
            if (!latest.TryGetValue(s.Window, out var had) || had.ReportedAt <= s.ReportedAt) latest[s.Window] = s;
        }
        foreach (var e in launches)
        {
            if (e.RateLimitEvents.Count == 0)
            {
                // rows written before every event was kept: the one representative window
                if (e.RateLimitType is { Length: > 0 } t) Offer(new PlanWindowState(t, e.Utilization, null, e.RateLimitStatus, e.OverageInUse, e.Time));
                continue;
            }
            foreach (var ev in e.RateLimitEvents)
            {
                if (ev.Windows is { Count: > 0 } windows)
                    foreach (var (name, w) in windows)
                        Offer(new PlanWindowState(name, w.Utilization, w.ResetsAt, w.Status, ev.Type == name || ev.Type is null ? Credits(ev) : null, e.Time));
                if (ev.Type is { Length: > 0 } type && (ev.Windows is null || !ev.Windows.ContainsKey(type)))
                    Offer(new PlanWindowState(type, ev.Utilization, ev.ResetsAt, ev.Status, Credits(ev), e.Time));
            }
        }
        return latest.Values.OrderBy(s => s.Window, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether the event drew usage credits (<c>overageInUse</c> or <c>isUsingOverage</c>); null when it said neither.</summary>
    private static bool? Credits(SeatGuard.Core.Launch.RateLimitEvent ev) =>
        ev.OverageInUse is null && ev.IsUsingOverage is null ? null : ev.DrawsCredits;

    /// <summary>A window's utilisation at <paramref name="now"/> while it has not reset, or null.</summary>
    public static double? Current(IReadOnlyList<PlanWindowState> windows, string window, DateTimeOffset now) =>
        windows.FirstOrDefault(w => w.Window == window)?.CurrentAt(now);
}
