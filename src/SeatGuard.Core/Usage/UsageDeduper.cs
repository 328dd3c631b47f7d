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
    public static List<UsageEntry> Deduplicate(IReadOnlyList<UsageEntry> entries) => Deduplicate([entries]);

    /// <param name="files">Each file's entries, files in path order (no merged copy is made).</param>
    /// <returns>The kept entries sorted by time (stable: equal times keep file order).</returns>
    public static List<UsageEntry> Deduplicate(IReadOnlyList<IReadOnlyList<UsageEntry>> files)
    {
        var order = Kept(files);
        var times = new long[order.Length];
        for (int i = 0; i < order.Length; i++) times[i] = Get(files, order[i]).TimestampMs;
        Array.Sort(times, order); // introsort is not stable: restore file order among equal times
        for (int i = 1; i < order.Length; i++)
        {
            if (times[i] != times[i - 1]) continue;
            int j = i;
            while (j < order.Length && times[j] == times[i - 1]) j++;
            Array.Sort(order, i - 1, j - i + 1);
            i = j - 1;
        }
        var sorted = new List<UsageEntry>(order.Length);
        foreach (var at in order) sorted.Add(Get(files, at));
        return sorted;
    }

    /// <summary>The kept entries' positions, <c>(file &lt;&lt; 32) | index</c>, in file order.</summary>
    public static long[] Kept(IReadOnlyList<IReadOnlyList<UsageEntry>> files)
    {
        int total = 0;
        var mainMessages = new HashSet<ulong>();
        foreach (var file in files)
        {
            total += file.Count;
            foreach (ref readonly var e in InPlace(file))
            {
                if (!e.IsSidechain && e.HasMessageId) mainMessages.Add(e.MessageKey);
            }
        }
        var bestByKey = new Dictionary<ulong, int>(total);
        var kept = new List<long>(total); // (file << 32) | index: sorts in file order
        for (int f = 0; f < files.Count; f++)
        {
            var file = InPlace(files[f]);
            for (int i = 0; i < file.Length; i++)
            {
                ref readonly var e = ref file[i];
                long at = ((long)f << 32) | (uint)i;
                if (!e.HasMessageId) { kept.Add(at); continue; }
                if (e.IsSidechain && mainMessages.Contains(e.MessageKey)) continue;
                if (bestByKey.TryGetValue(e.DedupKey, out int slot))
                {
                    if (Better(e, Get(files, kept[slot]))) kept[slot] = at;
                }
                else
                {
                    bestByKey[e.DedupKey] = kept.Count;
                    kept.Add(at);
                }
            }
        }
        return [.. kept];
    }

    /// <summary>A file's entries where they are (a parsed file's list: no copy of each entry through the interface).</summary>
    internal static ReadOnlySpan<UsageEntry> InPlace(IReadOnlyList<UsageEntry> file) => file switch
    {
        List<UsageEntry> list => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(list),
        UsageEntry[] array => array,
        _ => file.ToArray(),
    };

    private static UsageEntry Get(IReadOnlyList<IReadOnlyList<UsageEntry>> files, long at) => files[(int)(at >> 32)][(int)(uint)at];

    /// <summary>The duplicate rule: more tokens wins; on a tie, the one that has <c>usage.speed</c>.</summary>
    internal static bool Better(in UsageEntry candidate, in UsageEntry current)
    {
        long a = candidate.TotalTokens, b = current.TotalTokens;
        if (a != b) return a > b;
        return candidate.HasSpeed && !current.HasSpeed;
    }
}
