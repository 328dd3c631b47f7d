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
        // A pass to count, then the duplicate keys split in two halves (by a bit of their hash) handled on two cores,
        // each with its own table; a mark per entry (entries numbered across the files: ordinal) says what is kept.
        // The tables are larger than the processor's caches and their keys random: each loop starts loading the slot
        // of the entry Ahead places on while it handles this one.
        int total = 0;
        Span<int> withId = stackalloc int[Shards];
        var sidechainIds = new List<ulong>();
        foreach (var list in files)
        {
            total += list.Count;
            foreach (ref readonly var e in InPlace(list))
            {
                if (!e.HasMessageId) continue;
                withId[ShardOf(e.DedupKey)]++;
                if (e.IsSidechain) sidechainIds.Add(e.MessageKey);
            }
        }
        var keep = new bool[total];
        // The sidechain rule needs to know which of the ids sidechain entries carry a main entry carries too: a table
        // of the sidechains' ids (value 1 once a main entry has it), far smaller than one of every main id. Both halves
        // mark it at once: they only ever set 1 where a key already is.
        var sidechains = new KeyTable(sidechainIds.Count);
        foreach (var id in sidechainIds) sidechains.Add(id);
        var shards = new Shard[Shards];
        for (int s = 0; s < Shards; s++) shards[s] = new Shard(s, withId[s], sidechains, sidechainIds.Count > 0);
        bool parallel = withId[0] + withId[1] >= ParallelFrom;
        Run(parallel, () => shards[0].Main(files, keep), () => shards[1].Main(files, keep));
        // Sidechain entries once every main id is known, in file order among themselves: one whose id no main entry has
        // is in a group of sidechain entries only (equal keys mean equal ids), so the first of equal ranks still wins.
        if (sidechainIds.Count > 0) Run(parallel, () => shards[0].Sidechains(files), () => shards[1].Sidechains(files));
        foreach (var shard in shards) shard.Mark(keep);

        int count = 0;
        foreach (var k in keep) count += k ? 1 : 0;
        var kept = new long[count];
        int n = 0, ordinal = 0;
        for (int f = 0; f < files.Count; f++)
        {
            int length = files[f].Count;
            for (int i = 0; i < length; i++, ordinal++)
            {
                if (keep[ordinal]) kept[n++] = ((long)f << 32) | (uint)i;
            }
        }
        return kept;
    }

    private const int Shards = 2;
    /// <summary>Entries from which the duplicate pass and the cold cells use two cores (below, starting the second costs more than it saves).</summary>
    internal const int ParallelFrom = 20_000;

    private static int ShardOf(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> 63);

    private static void Run(bool parallel, Action first, Action second)
    {
        if (parallel) Parallel.Invoke(first, second);
        else { first(); second(); }
    }

    /// <summary>The duplicate groups of one half of the keys: each group's best entry so far (ordinal and rank).</summary>
    private sealed class Shard(int index, int keys, KeyTable sidechains, bool anySidechain)
    {
        private readonly KeyTable _groups = new(keys);
        private readonly int[] _bestAt = new int[keys];
        private readonly long[] _bestRank = new long[keys];
        private readonly List<int> _deferred = [];
        private int _count;

        /// <summary>The main entries of this half (and, from the first half, the entries without an id, all kept); sidechain entries are put aside.</summary>
        public void Main(IReadOnlyList<IReadOnlyList<UsageEntry>> files, bool[] keep)
        {
            int ordinal = 0;
            foreach (var list in files)
            {
                var file = InPlace(list);
                for (int i = 0; i < file.Length; i++, ordinal++)
                {
                    ref readonly var e = ref file[i];
                    if (i + Ahead < file.Length)
                    {
                        ref readonly var ahead = ref file[i + Ahead];
                        if (ShardOf(ahead.DedupKey) == index)
                        {
                            _groups.Prefetch(ahead.DedupKey);
                            if (anySidechain && !ahead.IsSidechain) sidechains.Prefetch(ahead.MessageKey);
                        }
                    }
                    if (!e.HasMessageId) { if (index == 0) keep[ordinal] = true; continue; }
                    if (ShardOf(e.DedupKey) != index) continue;
                    if (e.IsSidechain) { _deferred.Add(ordinal); continue; }
                    if (anySidechain && sidechains.Find(e.MessageKey, out int slot, out int inMain) && inMain == 0) sidechains.Set(slot, e.MessageKey, 1);
                    Offer(e, ordinal);
                }
            }
        }

        /// <summary>The sidechain entries put aside: dropped when a main entry has their id, else offered to their groups.</summary>
        public void Sidechains(IReadOnlyList<IReadOnlyList<UsageEntry>> files)
        {
            int file = 0, start = 0; // the file holding the ordinal, and the ordinal of its first entry
            foreach (var d in _deferred)
            {
                while (d >= start + files[file].Count) start += files[file++].Count;
                ref readonly var e = ref InPlace(files[file])[d - start];
                if (sidechains.Find(e.MessageKey, out _, out int inMain) && inMain == 1) continue;
                Offer(e, d);
            }
        }

        /// <summary>Marks each group's best entry as kept.</summary>
        public void Mark(bool[] keep)
        {
            for (int g = 0; g < _count; g++) keep[_bestAt[g]] = true;
        }

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
        private void Offer(in UsageEntry e, int ordinal)
        {
            long rank = Rank(e);
            if (_groups.Find(e.DedupKey, out int slot, out int group))
            {
                if (rank > _bestRank[group]) (_bestAt[group], _bestRank[group]) = (ordinal, rank);
            }
            else
            {
                _groups.Set(slot, e.DedupKey, _count);
                (_bestAt[_count], _bestRank[_count]) = (ordinal, rank);
                _count++;
            }
        }
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
