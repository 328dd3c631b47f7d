using CsCheck;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

/// <summary>
/// The duplicate pass and the cold cells against the rules written out plainly (usage-rules.md), on random files full
/// of duplicates: repeated ids within and across files, sidechain copies, equal totals, copies with and without speed.
/// </summary>
public sealed class DedupPropertyTests
{
    private static readonly TranscriptSource[] Sources =
    [
        new("/p/a.jsonl", "p", "a", false), new("/p/a/subagents/agent-1.jsonl", "p", "a", true),
        new("/p/b.jsonl", "p", "b", false), new("/q/c.jsonl", "q", "c", false),
    ];

    private static readonly string[] Models = ["claude-opus-4-5", "claude-sonnet-4-5", "claude-haiku-4-5"];

    private static readonly Gen<UsageEntry> Entry =
        Gen.Select(Gen.Select(Gen.Int[0, 12], Gen.Int[0, 3], Gen.Int[0, 3], Gen.Int[0, 5], Gen.Int[0, 240]),
                   Gen.Select(Gen.Int[0, 2], Gen.Int[0, 7], Gen.Int[0, 3], Gen.Int[0, 1]), (t, extra) =>
            {
                var (message, request, output, cacheRead, minutes) = t;
                var (model, bits, source, input) = extra;
                bool hasId = message > 0, hasRequest = request > 0, sidechain = (bits & 1) != 0, speed = (bits & 2) != 0;
                ulong messageKey = hasId ? 1000 + (ulong)message : 0;
                var flags = (sidechain ? UsageEntryFlags.Sidechain : 0) | (speed ? UsageEntryFlags.HasSpeed : 0)
                    | (hasId ? UsageEntryFlags.HasMessageId : 0) | (hasRequest ? UsageEntryFlags.HasRequestId : 0);
                return new UsageEntry
                {
                    TimestampMs = 1_760_000_000_000L + minutes * 60_000L + (bits & 4) * 1000,
                    Source = Sources[source], Model = Models[model], MessageKey = messageKey,
                    DedupKey = !hasId ? 0 : hasRequest ? messageKey * 31 + (ulong)request : messageKey,
                    Flags = flags, InputTokens = input, OutputTokens = output * 100, CacheReadTokens = cacheRead * 1000,
                };
            });

    /// <summary>usage-rules.md as a reference: drop sidechain copies of main messages, then per key the largest total, then speed, then the first.</summary>
    private static List<(int File, int Index)> Reference(List<List<UsageEntry>> files)
    {
        var all = files.SelectMany((f, fi) => f.Select((e, i) => (e, fi, i))).ToList();
        var main = all.Where(x => !x.e.IsSidechain && x.e.HasMessageId).Select(x => x.e.MessageKey).ToHashSet();
        var kept = new List<(int, int)>();
        foreach (var group in all.Where(x => !(x.e.IsSidechain && x.e.HasMessageId && main.Contains(x.e.MessageKey)))
                     .GroupBy(x => x.e.HasMessageId ? (object)x.e.DedupKey : (x.fi, x.i)))
        {
            var best = group.OrderByDescending(x => x.e.TotalTokens).ThenByDescending(x => x.e.HasSpeed).ThenBy(x => x.fi).ThenBy(x => x.i).First();
            kept.Add((best.fi, best.i));
        }
        return [.. kept.Order()];
    }

    [Fact]
    public void KeptIsWhatTheRulesKeep()
    {
        Gen.Select(Entry.List[0, 40], Gen.Int[1, 5]).Sample((entries, fileCount) =>
        {
            var files = Dealt(entries, fileCount);
            var kept = UsageDeduper.Kept([.. files]).Select(at => ((int)(at >> 32), (int)(uint)at)).Order().ToList();
            kept.ShouldBe(Reference(files));
        }, iter: 3000);
    }

    [Fact]
    public void KeptOnManyEntriesIsWhatTheRulesKeep()
    {
        // Enough entries for the two halves of the keys to be handled at once (the small cases above run one after the other).
        Gen.Select(Gen.Int[0, 30_000], Gen.Int[0, 2], Gen.Int[0, 5], Gen.Int[0, 7], Gen.Int[0, 3]).Select(t =>
        {
            var (message, request, output, bits, source) = t;
            ulong key = 5000 + (ulong)message;
            var flags = ((bits & 1) != 0 ? UsageEntryFlags.Sidechain : 0) | ((bits & 2) != 0 ? UsageEntryFlags.HasSpeed : 0)
                | (message % 50 != 0 ? UsageEntryFlags.HasMessageId : 0);
            return new UsageEntry
            {
                TimestampMs = 1_760_000_000_000L + message, Source = Sources[source], Model = Models[0], MessageKey = key,
                DedupKey = request == 0 ? key : key * 31 + (ulong)request, Flags = flags, OutputTokens = output,
            };
        }).List[60_000, 80_000].Sample(entries =>
        {
            var files = Enumerable.Range(0, 7).Select(f => entries.Skip(f * entries.Count / 7).Take(entries.Count / 7 + 1).ToList()).ToList();
            var kept = UsageDeduper.Kept([.. files]).Select(at => ((int)(at >> 32), (int)(uint)at)).ToList();
            kept.ShouldBe(kept.Order().ToList()); // in file order
            kept.ShouldBe(Reference(files));
        }, iter: 4);
    }

    [Fact]
    public void ColdCellsAreTheCellsOfTheKeptEntries()
    {
        long[] thresholds = [200_000, 2_000];
        Gen.Select(Entry.List[0, 60], Gen.Int[1, 5]).Sample((entries, fileCount) =>
        {
            IReadOnlyList<IReadOnlyList<UsageEntry>> files = Dealt(entries, fileCount);
            ColdCellsShouldBePlainCells(files, thresholds);
        }, iter: 2000);
    }

    [Fact]
    public void ColdCellsOfManyEntriesAreTheCellsOfTheKeptEntries()
    {
        // Enough entries for two halves built at once and joined: sessions in runs (the halves share none) and
        // sessions that come back in later files (cells of one key in both halves).
        long[] thresholds = [200_000, 2_000];
        var wide = Gen.Select(Entry, Gen.Int[0, 40_000]).Select((e, id) => e with
        {
            TimestampMs = e.TimestampMs + id * 997L, // times spread out: cells of one key in both halves differ in first and last
            MessageKey = e.HasMessageId ? 100_000 + (ulong)id : 0,
            DedupKey = e.HasMessageId ? 100_000 + (ulong)id * (e.DedupKey == e.MessageKey ? 1UL : 3UL) : 0,
        });
        Gen.Select(wide.List[30_000, 45_000], Gen.Bool).Sample((entries, runs) =>
        {
            var files = runs
                ? entries.GroupBy(e => e.Source.SessionId).OrderBy(g => g.Key).Select(g => (IReadOnlyList<UsageEntry>)g.ToList()).ToList()
                : [.. Dealt(entries, 6)];
            ColdCellsShouldBePlainCells(files, thresholds);
        }, iter: 6);
    }

    [Fact]
    public void CellsComeInTheCanonicalOrder()
    {
        // By slot, first entry, session id, project, model, region, flags, prompt class: compared here on the strings.
        long[] thresholds = [200_000, 2_000];
        Gen.Select(Entry.List[0, 80], Gen.Int[1, 4]).Sample((entries, fileCount) =>
        {
            IReadOnlyList<IReadOnlyList<UsageEntry>> files = Dealt(entries, fileCount);
            var cells = UsageCells.FromKept(files, UsageDeduper.Kept(files), thresholds);
            var ordered = cells.Ordered;
            ordered.Count.ShouldBe(cells.Raw.Count(c => c.Count > 0));
            for (int i = 1; i < ordered.Count; i++)
            {
                UsageCell a = ordered[i - 1], b = ordered[i];
                int r = a.Slot.CompareTo(b.Slot);
                if (r == 0) r = a.MinMs.CompareTo(b.MinMs);
                if (r == 0) r = string.CompareOrdinal(cells.Sessions[a.Session].SessionId, cells.Sessions[b.Session].SessionId);
                if (r == 0) r = string.CompareOrdinal(cells.Sessions[a.Session].Project, cells.Sessions[b.Session].Project);
                if (r == 0) r = string.CompareOrdinal(cells.Models[a.Model], cells.Models[b.Model]);
                if (r == 0) r = string.CompareOrdinal(cells.Geos[a.Geo], cells.Geos[b.Geo]);
                if (r == 0) r = a.Flags.CompareTo(b.Flags);
                if (r == 0) r = a.PromptClass.CompareTo(b.PromptClass);
                r.ShouldBeLessThan(0);
            }
        }, iter: 2000);
    }

    /// <summary>The cold cells equal the cells of the deduplicated entries added one by one.</summary>
    private static void ColdCellsShouldBePlainCells(IReadOnlyList<IReadOnlyList<UsageEntry>> files, long[] thresholds)
    {
        var cold = UsageCells.FromKept(files, UsageDeduper.Kept(files), thresholds);
        var plain = UsageCells.FromEntries(UsageDeduper.Deduplicate(files), thresholds);
        Describe(cold).ShouldBe(Describe(plain));
        cold.EntryCount.ShouldBe(plain.EntryCount);
    }

    /// <summary>The entries dealt round-robin into <paramref name="count"/> files.</summary>
    private static List<List<UsageEntry>> Dealt(List<UsageEntry> entries, int count) =>
        [.. Enumerable.Range(0, count).Select(f => entries.Where((_, i) => i % count == f).ToList())];

    private static List<string> Describe(UsageCells cells) =>
    [
        .. cells.Ordered.Select(c => $"{c.Slot} {cells.Sessions[c.Session]} {cells.Models[c.Model]} {cells.Geos[c.Geo]} {c.Flags} {c.PromptClass}: " +
            $"{c.Count} {c.MinMs}-{c.MaxMs} {c.Input} {c.Output} {c.Cache5m} {c.Cache1h} {c.CacheRead} {c.CostUsdNanos}"),
    ];
}
