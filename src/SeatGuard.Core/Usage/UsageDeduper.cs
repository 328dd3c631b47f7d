namespace SeatGuard.Core.Usage;

/// <summary>
/// The duplicate rules of usage-rules.md, applied once for every report:
/// a sidechain entry whose <c>message.id</c> also appears on a non-sidechain entry is dropped; then one entry per
/// <c>message.id</c>+<c>requestId</c> key is kept — the largest token total, on a tie the one with <c>usage.speed</c>,
/// then the first in file order. Entries without <c>message.id</c> are all kept.
/// </summary>
public static class UsageDeduper
{
    /// <param name="entries">All entries in file order (files sorted by path).</param>
    /// <returns>The kept entries sorted by time (stable).</returns>
    public static List<UsageEntry> Deduplicate(IReadOnlyList<UsageEntry> entries)
    {
        var mainMessages = new HashSet<ulong>();
        foreach (var e in entries)
        {
            if (!e.IsSidechain && e.HasMessageId) mainMessages.Add(e.MessageKey);
        }
        var bestByKey = new Dictionary<ulong, int>(entries.Count);
        var kept = new List<int>(entries.Count);
        for (int i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            if (!e.HasMessageId) { kept.Add(i); continue; }
            if (e.IsSidechain && mainMessages.Contains(e.MessageKey)) continue;
            if (bestByKey.TryGetValue(e.DedupKey, out int slot))
            {
                var current = entries[kept[slot]];
                if (Better(e, current)) kept[slot] = i;
            }
            else
            {
                bestByKey[e.DedupKey] = kept.Count;
                kept.Add(i);
            }
        }
        // Stable sort by time of the kept indices: equal timestamps keep file order.
        var order = kept.ToArray();
        var times = new long[order.Length];
        for (int i = 0; i < order.Length; i++) times[i] = entries[order[i]].TimestampMs;
        Array.Sort(times, order); // introsort is not stable: fix ties below
        for (int i = 1; i < order.Length; i++)
        {
            if (times[i] != times[i - 1]) continue;
            int j = i;
            while (j < order.Length && times[j] == times[i - 1]) j++;
            Array.Sort(order, i - 1, j - i + 1);
            i = j - 1;
        }
        var sorted = new List<UsageEntry>(order.Length);
        foreach (var i in order) sorted.Add(entries[i]);
        return sorted;
    }

    private static bool Better(in UsageEntry candidate, in UsageEntry current)
    {
        long a = candidate.TotalTokens, b = current.TotalTokens;
        if (a != b) return a > b;
        return candidate.HasSpeed && !current.HasSpeed;
    }
}
