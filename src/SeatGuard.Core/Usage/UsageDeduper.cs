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
        int total = 0, withId = 0, sidechains = 0;
        foreach (var file in files)
        {
            total += file.Count;
            foreach (ref readonly var e in InPlace(file))
            {
                if (!e.HasMessageId) continue;
                withId++;
                if (e.IsSidechain) sidechains++;
            }
        }
        // The sidechain rule needs to know, of the message ids sidechain entries carry, which a main entry carries too:
        // a table of the sidechains' ids (value 1 once a main entry has it), far smaller than one of every main id.
        // The tables are larger than the processor's caches and their keys random: each loop starts loading the slot
        // of the entry Ahead places on while it handles this one.
        var sidechainIds = new KeyTable(sidechains);
        if (sidechains > 0)
        {
            foreach (var list in files)
            {
                foreach (ref readonly var e in InPlace(list))
                {
                    if (e.IsSidechain && e.HasMessageId) sidechainIds.Add(e.MessageKey);
                }
            }
            foreach (var list in files)
            {
                var file = InPlace(list);
                for (int i = 0; i < file.Length; i++)
                {
                    if (i + Ahead < file.Length) sidechainIds.Prefetch(file[i + Ahead].MessageKey);
                    ref readonly var e = ref file[i];
                    if (!e.IsSidechain && e.HasMessageId && sidechainIds.Find(e.MessageKey, out int slot, out _)) sidechainIds.Set(slot, e.MessageKey, 1);
                }
            }
        }
        // Each key's slot in kept; the rank of the entry there (see Rank) beside it, so a duplicate is compared
        // without fetching the kept entry again.
        var bestByKey = new KeyTable(withId);
        var kept = new long[total]; // (file << 32) | index: sorts in file order
        var keptRank = new long[total];
        int count = 0;
        for (int f = 0; f < files.Count; f++)
        {
            var file = InPlace(files[f]);
            for (int i = 0; i < file.Length; i++)
            {
                if (i + Ahead < file.Length) bestByKey.Prefetch(file[i + Ahead].DedupKey);
                ref readonly var e = ref file[i];
                long at = ((long)f << 32) | (uint)i;
                if (!e.HasMessageId) { kept[count++] = at; continue; }
                if (e.IsSidechain && sidechainIds.Find(e.MessageKey, out _, out int inMain) && inMain == 1) continue;
                long rank = Rank(e);
                if (bestByKey.Find(e.DedupKey, out int tableSlot, out int slot))
                {
                    if (rank > keptRank[slot]) (kept[slot], keptRank[slot]) = (at, rank);
                }
                else
                {
                    bestByKey.Set(tableSlot, e.DedupKey, count);
                    keptRank[count] = rank;
                    kept[count++] = at;
                }
            }
        }
        return count == kept.Length ? kept : kept[..count];
    }

    private const int Ahead = 8;

    /// <summary>The duplicate rule as one number: more tokens first, then having <c>usage.speed</c> (see <see cref="Better"/>).</summary>
    private static long Rank(in UsageEntry e) => e.TotalTokens * 2 + (e.HasSpeed ? 1 : 0);

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
