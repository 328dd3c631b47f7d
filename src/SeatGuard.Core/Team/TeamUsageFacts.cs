using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>
/// A machine's usage per day × model × project × billing source, from the same selection and the same per-entry
/// costs as <c>usage daily</c> (<see cref="UsageReportBuilder"/>), so the rows of a machine add up to its
/// <c>usage daily</c> totals. The billing source of an entry is the one the ledger recorded for its session, else
/// "unrecorded".
/// </summary>
public static class TeamUsageFacts
{
    public static IReadOnlyList<UsageFact> Collect(UsageReportBuilder builder, IReadOnlyDictionary<string, string> sourceBySession)
    {
        var groups = new Dictionary<(DateOnly, string, string, string), Sum>();
        var entries = builder.Entries;
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var source = sourceBySession.TryGetValue(e.Source.SessionId, out var s) ? s : LedgerUsageFacts.Unrecorded;
            var key = (builder.LocalDate(e), e.Model, e.Source.Project, source);
            if (!groups.TryGetValue(key, out var sum)) groups[key] = sum = new Sum();
            sum.Totals.Add(e, builder.Cost(i));
            sum.Entries++;
            if (double.IsNaN(builder.Cost(i))) sum.Unpriced++;
        }
        return groups
            .Select(g => new UsageFact(g.Key.Item1, g.Key.Item2, g.Key.Item3, g.Key.Item4,
                g.Value.Totals.InputTokens, g.Value.Totals.OutputTokens, g.Value.Totals.CacheCreationTokens, g.Value.Totals.CacheReadTokens,
                g.Value.Totals.TotalTokens, g.Value.Totals.TotalCost, g.Value.Entries, g.Value.Unpriced))
            .OrderBy(f => f.Day).ThenBy(f => f.Model, StringComparer.Ordinal).ThenBy(f => f.Project, StringComparer.Ordinal).ThenBy(f => f.BillingSource, StringComparer.Ordinal)
            .ToList();
    }

    private sealed class Sum
    {
        public UsageTotals Totals { get; } = new();
        public int Entries { get; set; }
        public int Unpriced { get; set; }
    }
}
