using System.Runtime.InteropServices;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Counted entries summed into <see cref="UsageCell"/>s, with the tables the cells index into (sessions, models,
/// regions) and the prompt-band thresholds that split them. Built from entries (a cold run), or kept up to date
/// entry by entry by <see cref="UsageStore"/> (then with every cell's entry times, so removing an entry that a better
/// duplicate replaces keeps the cell's first and last time exact). Every report is computed from the cells in
/// <see cref="Ordered"/>'s order, so the same entries always give the same figures, to the last digit.
/// </summary>
public sealed class UsageCells
{
    private CellStorage _cells = new();
    private readonly List<List<long>?> _times = [];
    private Dictionary<CellKey, int>? _index;
    private readonly Dictionary<(string, string), int> _sessionIndex = [];
    private readonly Dictionary<string, int> _modelIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _geoIndex = new(StringComparer.Ordinal);
    private IReadOnlyList<UsageCell>? _ordered;

    /// <summary>Empty cells for a book with these band thresholds; with <paramref name="trackTimes"/>, every entry's time is kept (entries can be taken out again).</summary>
    public UsageCells(IReadOnlyList<long> thresholds, bool trackTimes = false)
    {
        Thresholds = [.. thresholds.Distinct().Order()];
        TrackTimes = trackTimes;
        Geos.Add(null);
    }

    /// <summary>Prompt sizes at which a cell's prompt class changes, ascending.</summary>
    public long[] Thresholds { get; }
    /// <summary>Whether entry times are kept.</summary>
    public bool TrackTimes { get; private set; }
    /// <summary>The sessions the cells refer to.</summary>
    public List<(string Project, string SessionId)> Sessions { get; } = [];
    /// <summary>The models the cells refer to.</summary>
    public List<string> Models { get; } = [];
    /// <summary>The regions the cells refer to (index 0: none).</summary>
    public List<string?> Geos { get; } = [];

    /// <summary>The default thresholds: every band of the embedded book and of <paramref name="book"/>.</summary>
    public static IReadOnlyList<long> ThresholdsFor(PriceBook? book) =>
        [.. PriceBook.Embedded.BandThresholds.Concat(book?.BandThresholds ?? []).Distinct().Order()];

    /// <summary>True when these cells can price by <paramref name="book"/>'s bands.</summary>
    public bool Supports(PriceBook book) => book.BandThresholds.All(t => Array.BinarySearch(Thresholds, t) >= 0);

    /// <summary>The cells of these entries.</summary>
    public static UsageCells FromEntries(IEnumerable<UsageEntry> entries, IReadOnlyList<long> thresholds)
    {
        var cells = new UsageCells(thresholds);
        foreach (var e in entries) cells.Add(e);
        return cells;
    }

    /// <summary>
    /// The cells of the entries a duplicate pass kept (<see cref="UsageDeduper.Kept"/>), in file order: a cell's sums are
    /// integers and its times a minimum and maximum, so the order entries are added in changes nothing, and no sorted
    /// copy of every entry is made.
    /// </summary>
    public static UsageCells FromKept(IReadOnlyList<IReadOnlyList<UsageEntry>> files, long[] kept, IReadOnlyList<long> thresholds)
    {
        // Many entries: two halves, split where one session's entries end, built on two cores and joined (the second
        // half's sessions are then mostly new to the first, so its cells are appended as they are).
        int split = kept.Length >= UsageDeduper.ParallelFrom ? SessionEnd(files, kept, kept.Length / 2) : kept.Length;
        if (split >= kept.Length) return Build(files, kept, thresholds, kept.Length);
        UsageCells first = null!, second = null!;
        Parallel.Invoke(() => first = Build(files, kept.AsSpan(0, split), thresholds, kept.Length),
            () => second = Build(files, kept.AsSpan(split), thresholds, kept.Length - split));
        first.Append(second);
        return first;
    }

    /// <summary>The first position at or after <paramref name="from"/> whose entry is of another session than the one before it (the length when none is).</summary>
    private static int SessionEnd(IReadOnlyList<IReadOnlyList<UsageEntry>> files, long[] kept, int from)
    {
        for (int k = Math.Max(1, from); k < kept.Length; k++)
        {
            var a = files[(int)(kept[k - 1] >> 32)][(int)(uint)kept[k - 1]].Source;
            var b = files[(int)(kept[k] >> 32)][(int)(uint)kept[k]].Source;
            if (!ReferenceEquals(a, b) && (a.SessionId != b.SessionId || a.Project != b.Project)) return k;
        }
        return kept.Length;
    }

    /// <summary>
    /// Adds <paramref name="other"/>'s cells (built without entry times) to these: its sessions, models and regions
    /// looked up in these tables; a cell whose key is new is appended, one whose key is here too is added to it.
    /// </summary>
    private void Append(UsageCells other)
    {
        int sessionsBefore = Sessions.Count;
        var sessions = new int[other.Sessions.Count];
        bool disjoint = true;
        for (int i = 0; i < sessions.Length; i++)
        {
            sessions[i] = SessionIndex(other.Sessions[i].Project, other.Sessions[i].SessionId);
            disjoint &= sessions[i] >= sessionsBefore;
        }
        var models = other.Models.Select(ModelIndex).ToArray();
        var geos = other.Geos.Select(GeoIndex).ToArray();
        _cells.EnsureCapacity(_cells.Count + other._cells.Count);
        foreach (var cell in other._cells.AsSpan())
        {
            var c = cell;
            (c.Session, c.Model, c.Geo) = (sessions[c.Session], models[c.Model], geos[c.Geo]);
            var key = new CellKey(c.Slot, c.Session, c.Model, c.Geo, c.Flags, c.PromptClass);
            int at = disjoint ? -1 : Find(key);
            if (at >= 0) { _cells.AsSpan()[at].Merge(c); Touched(at); continue; }
            _cells.Add(c);
            _times.Add(null);
            if (_index is not null) _index[key] = _cells.Count - 1;
            Touched(_cells.Count - 1);
        }
        EntryCount += other.EntryCount;
    }

    /// <summary>The cells of these kept entries, with room for <paramref name="room"/> cells.</summary>
    private static UsageCells Build(IReadOnlyList<IReadOnlyList<UsageEntry>> files, ReadOnlySpan<long> kept, IReadOnlyList<long> thresholds, int room)
    {
        var cells = new UsageCells(thresholds);
        // Cells of different sessions never share a key: each session's cells are found through a small table of its
        // own that stays in the processor's cache, and no index of every cell is built (it is, from the cells, if one
        // is ever needed). Kept entries come a file at a time and a session's files mostly one after another; when a
        // session comes back after another, the positions are first put in session order (a counting sort).
        var sessionOf = new int[kept.Length];
        int lastFile = -1, lastSession = -1;
        bool inRuns = true;
        ReadOnlySpan<UsageEntry> file = default;
        for (int k = 0; k < kept.Length; k++)
        {
            int f = (int)(kept[k] >> 32);
            if (f != lastFile) { file = UsageDeduper.InPlace(files[f]); lastFile = f; }
            int known = cells.Sessions.Count;
            int session = sessionOf[k] = cells.SessionOf(file[(int)(uint)kept[k]].Source);
            if (session != lastSession && session < known) inRuns = false; // an earlier session again
            lastSession = session;
        }
        ReadOnlySpan<long> order = kept;
        if (!inRuns)
        {
            var next = new int[cells.Sessions.Count + 1];
            foreach (var session in sessionOf) next[session + 1]++;
            for (int i = 1; i < next.Length; i++) next[i] += next[i - 1];
            var bySession = new long[kept.Length];
            var sorted = new int[kept.Length];
            for (int k = 0; k < kept.Length; k++)
            {
                int at = next[sessionOf[k]]++;
                bySession[at] = kept[k];
                sorted[at] = sessionOf[k];
            }
            order = bySession;
            sessionOf = sorted;
        }
        // Room for a cell per entry, not zeroed (CellStorage): only the pages the cells fill are ever touched, and the
        // storage never moves to a larger array while it fills.
        cells._cells.EnsureCapacity(Math.Min(room, 1 << 20));

        var local = new Dictionary<CellKey, int>();
        int lastCell = -1;
        CellKey lastKey = default;
        lastFile = lastSession = -1;
        for (int k = 0; k < order.Length; k++)
        {
            long at = order[k];
            int f = (int)(at >> 32);
            if (f != lastFile) { file = UsageDeduper.InPlace(files[f]); lastFile = f; }
            int session = sessionOf[k];
            if (session != lastSession)
            {
                if (local.Count > 4096) local = new Dictionary<CellKey, int>(); else local.Clear();
                (lastSession, lastCell) = (session, -1);
            }
            ref readonly var e = ref file[(int)(uint)at];
            // An entry mostly falls in the cell of the one before it (same quarter hour and model): no lookup then.
            var key = cells.KeyOf(e, session);
            if (lastCell < 0 || !key.Equals(lastKey))
            {
                if (!local.TryGetValue(key, out lastCell)) local[key] = lastCell = cells.NewCell(key);
                lastKey = key;
            }
            cells.AddTo(lastCell, e);
        }
        return cells;
    }

    /// <summary>The number of cells.</summary>
    public int Count => _cells.Count;

    /// <summary>The number of entries counted.</summary>
    public long EntryCount { get; private set; }

    /// <summary>The index of a session (added when new).</summary>
    public int SessionIndex(string project, string session)
    {
        if (!_sessionIndex.TryGetValue((project, session), out int i))
        {
            _sessionIndex[(project, session)] = i = Sessions.Count;
            Sessions.Add((project, session));
        }
        return i;
    }

    /// <summary>The index of a model (added when new).</summary>
    public int ModelIndex(string model)
    {
        if (!_modelIndex.TryGetValue(model, out int i))
        {
            _modelIndex[model] = i = Models.Count;
            Models.Add(model);
        }
        return i;
    }

    /// <summary>The index of a region (added when new; null is 0).</summary>
    public int GeoIndex(string? geo)
    {
        if (geo is null) return 0;
        if ((uint)_lastGeo < (uint)Geos.Count && ReferenceEquals(Geos[_lastGeo], geo)) return _lastGeo;
        return _lastGeo = GeoIndexOf(geo);
    }

    private int _lastGeo = -1;

    private int GeoIndexOf(string geo)
    {
        if (!_geoIndex.TryGetValue(geo, out int i))
        {
            _geoIndex[geo] = i = Geos.Count;
            Geos.Add(geo);
        }
        return i;
    }

    /// <summary>How many of the thresholds a prompt is above.</summary>
    public byte PromptClassOf(long promptTokens)
    {
        int c = 0;
        while (c < Thresholds.Length && promptTokens > Thresholds[c]) c++;
        return (byte)c;
    }

    /// <summary>A prompt size in the given class (just above its lower threshold).</summary>
    public long RepresentativePrompt(byte promptClass) => promptClass == 0 ? 0 : Thresholds[promptClass - 1] + 1;

    private CellKey KeyOf(in UsageEntry e) => KeyOf(e, SessionOf(e.Source));

    private CellKey KeyOf(in UsageEntry e, int session)
    {
        byte flags = (byte)((e.IsFast ? UsageCell.FastFlag : 0) | (e.HasCostUsd ? UsageCell.CostUsdFlag : 0));
        return new CellKey(UsageCell.SlotOf(e.TimestampMs), session, ModelOf(e.Model), GeoIndex(e.InferenceGeo), flags, PromptClassOf(e.InputSideTokens));
    }

    // Entries come a file at a time, and a file's entries share one source and mostly one model string: the index of
    // the one before is checked (by reference, against the table itself) before a lookup that hashes two strings.
    private int _lastSession = -1, _lastModel = -1;

    private int SessionOf(TranscriptSource source)
    {
        if ((uint)_lastSession < (uint)Sessions.Count && Sessions[_lastSession] is var (p, s) && ReferenceEquals(p, source.Project) && ReferenceEquals(s, source.SessionId))
            return _lastSession;
        return _lastSession = SessionIndex(source.Project, source.SessionId);
    }

    private int ModelOf(string model)
    {
        if ((uint)_lastModel < (uint)Models.Count && ReferenceEquals(Models[_lastModel], model)) return _lastModel;
        return _lastModel = ModelIndex(model);
    }

    /// <summary>
    /// The position of the cell with this key, or -1. Cells restored in canonical order are sorted by slot, so they are
    /// found by a binary search (no index of every cell is built for an append that touches a few); the cells added
    /// since, and all cells of unordered storage, through a dictionary.
    /// </summary>
    private int Find(in CellKey key)
    {
        if (_inOrder)
        {
            var sorted = _cells.AsSpan()[.._sortedCount];
            int lo = 0, hi = sorted.Length;
            while (lo < hi)
            {
                int mid = (lo + hi) >>> 1;
                if (sorted[mid].Slot < key.Slot) lo = mid + 1; else hi = mid;
            }
            for (int i = lo; i < sorted.Length && sorted[i].Slot == key.Slot; i++)
            {
                ref readonly var c = ref sorted[i];
                if (c.Session == key.Session && c.Model == key.Model && c.Geo == key.Geo && c.Flags == key.Flags && c.PromptClass == key.PromptClass) return i;
            }
        }
        return Index().TryGetValue(key, out int at) ? at : -1;
    }

    /// <summary>The dictionary of cells not found by <see cref="Find"/>'s search: those added after the sorted ones, or all.</summary>
    private Dictionary<CellKey, int> Index()
    {
        if (_index is not null) return _index;
        int from = _inOrder ? _sortedCount : 0;
        _index = new Dictionary<CellKey, int>(Math.Max(0, _cells.Count - from));
        for (int i = from; i < _cells.Count; i++)
        {
            var c = _cells[i];
            _index[new CellKey(c.Slot, c.Session, c.Model, c.Geo, c.Flags, c.PromptClass)] = i;
        }
        return _index;
    }

    /// <summary>Adds a counted entry to its cell.</summary>
    public void Add(in UsageEntry e) => AddTo(CellFor(KeyOf(e)), e);

    /// <summary>The position of the cell with this key (an empty one added when there is none).</summary>
    private int CellFor(in CellKey key)
    {
        int i = Find(key);
        if (i >= 0) return i;
        i = NewCell(key);
        Index()[key] = i;
        return i;
    }

    /// <summary>Adds an empty cell with this key (not to the index: the caller does, or leaves the index unbuilt).</summary>
    private int NewCell(in CellKey key)
    {
        _cells.Add(new UsageCell
        {
            Slot = key.Slot, Session = key.Session, Model = key.Model, Geo = key.Geo, Flags = key.Flags, PromptClass = key.PromptClass,
            MinMs = long.MaxValue, MaxMs = long.MinValue,
        });
        _times.Add(TrackTimes ? [] : null);
        return _cells.Count - 1;
    }

    /// <summary>Adds a counted entry to the cell at <paramref name="i"/> (its key's, from <see cref="CellFor"/>).</summary>
    private void AddTo(int i, in UsageEntry e)
    {
        ref var cell = ref _cells.AsSpan()[i];
        cell.Add(e, +1);
        if (TrackTimes)
        {
            var times = TimesOf(i)!;
            int at = times.BinarySearch(e.TimestampMs);
            times.Insert(at < 0 ? ~at : at, e.TimestampMs);
            cell.MinMs = times[0];
            cell.MaxMs = times[^1];
        }
        else
        {
            if (e.TimestampMs < cell.MinMs) cell.MinMs = e.TimestampMs;
            if (e.TimestampMs > cell.MaxMs) cell.MaxMs = e.TimestampMs;
        }
        EntryCount++;
        Touched(i);
    }

    /// <summary>Takes a counted entry out again (it lost to a better duplicate). Needs <see cref="TrackTimes"/>.</summary>
    public void Remove(in UsageEntry e)
    {
        if (!TrackTimes) throw new InvalidOperationException("cells without entry times cannot remove entries");
        var key = KeyOf(e);
        int i = Find(key);
        if (i < 0) throw new InvalidDataException("usage state: removed entry has no cell");
        ref var cell = ref _cells.AsSpan()[i];
        var times = TimesOf(i)!;
        int at = times.BinarySearch(e.TimestampMs);
        if (at < 0 || cell.Count <= 0) throw new InvalidDataException("usage state: removed entry is not in its cell");
        times.RemoveAt(at);
        cell.Add(e, -1);
        cell.MinMs = times.Count > 0 ? times[0] : long.MaxValue;
        cell.MaxMs = times.Count > 0 ? times[^1] : long.MinValue;
        EntryCount--;
        Touched(i);
    }

    /// <summary>Restores stored cells, in the canonical order they were written in, with their entry times (decoded when first needed).</summary>
    internal void Restore(ReadOnlySpan<UsageCell> cells, StoredTimes? times)
    {
        _cells.AddRange(cells);
        foreach (ref readonly var c in cells) EntryCount += c.Count;
        _times.EnsureCapacity(_times.Count + cells.Length);
        for (int i = 0; i < cells.Length; i++) _times.Add(null);
        _storedTimes = times;
        _index = null;
        _ordered = null;
        _order = null;
        _inOrder = _cells.Count == cells.Length;
        _sortedCount = _inOrder ? _cells.Count : 0;
        _touched = null;
    }

    /// <summary>
    /// Restores <paramref name="count"/> stored cells in place: returns their storage for the caller to fill (with room
    /// for the cells an update adds, so an append does not copy them all), then <see cref="EndRestore"/>.
    /// </summary>
    internal Span<UsageCell> BeginRestore(int count)
    {
        if (_cells.Count != 0) throw new InvalidOperationException("cells can only be restored into empty cells");
        _cells.EnsureCapacity(count + 256);
        _cells.SetCount(count);
        return _cells.AsSpan();
    }

    /// <summary>Restores stored cells in place (the state file's mapped records, in canonical order); then <see cref="EndRestore"/>.</summary>
    internal ReadOnlySpan<UsageCell> RestoreMapped(CellStorage cells)
    {
        if (_cells.Count != 0) throw new InvalidOperationException("cells can only be restored into empty cells");
        _cells = cells;
        return cells.AsSpan();
    }

    /// <summary>True when the first <paramref name="count"/> cells are the ones restored in canonical order (a delta can describe the rest).</summary>
    internal bool StoredInOrder(int count) => _inOrder && _sortedCount == count;

    /// <summary>Cells changed or added since they were restored.</summary>
    internal int ChangedCount => _touched?.Count ?? 0;

    /// <summary>The positions of the cells changed or added since they were restored, ascending.</summary>
    internal int[] ChangedPositions()
    {
        var positions = _touched?.ToArray() ?? [];
        Array.Sort(positions);
        return positions;
    }

    /// <summary>Sets the cell at <paramref name="position"/> (or adds it, at the end) as a stored delta has it; the cell counts as changed.</summary>
    internal void ApplyStored(int position, in UsageCell cell)
    {
        if (position == _cells.Count)
        {
            _cells.Add(cell);
            _times.Add(null);
        }
        else if ((uint)position < (uint)_cells.Count)
        {
            ref var slot = ref _cells.AsSpan()[position];
            if (slot.Slot != cell.Slot || slot.Session != cell.Session || slot.Model != cell.Model || slot.Geo != cell.Geo || slot.Flags != cell.Flags
                || slot.PromptClass != cell.PromptClass) throw new InvalidDataException("usage state: a delta cell changes another cell's key");
            EntryCount -= slot.Count;
            slot = cell;
        }
        else throw new InvalidDataException("usage state: a delta cell is past the cells");
        EntryCount += cell.Count;
        _index = null;
        Touched(position);
    }

    /// <summary>True while the cells are the state file's mapped records (tests).</summary>
    internal bool IsMapped => _cells.IsMapped;

    /// <summary>Ends <see cref="BeginRestore"/>: the cells filled in are in canonical order, their times (decoded when first needed) from <paramref name="times"/>.</summary>
    internal void EndRestore(StoredTimes? times)
    {
        foreach (ref readonly var c in _cells.AsSpan()) EntryCount += c.Count;
        _times.Capacity = _cells.Count + 256;
        for (int i = 0; i < _cells.Count; i++) _times.Add(null);
        _storedTimes = times;
        _index = null;
        _ordered = null;
        _order = null;
        _inOrder = true;
        _sortedCount = _cells.Count;
        _touched = null;
    }

    /// <summary>Starts keeping entry times for restored cells (read without them) from the stored times.</summary>
    internal void AttachTimes(StoredTimes times)
    {
        if (TrackTimes) throw new InvalidOperationException("cells already keep their times");
        for (int i = 0; i < _times.Count; i++)
        {
            if (_times[i] is not null) throw new InvalidOperationException("cells were changed before their times were attached");
        }
        TrackTimes = true;
        _storedTimes = times;
    }

    /// <summary>
    /// Cell <paramref name="i"/> changed. While the cells restored in canonical order are otherwise untouched, only
    /// the changed ones are sorted again (see <see cref="CanonicalOrder"/>); else the whole order is recomputed.
    /// </summary>
    private void Touched(int i)
    {
        _ordered = null;
        _order = null;
        if (!_inOrder) return;
        _touched ??= [];
        _touched.Add(i);
    }

    /// <summary>Restores the tables (in index order) before cells that refer to them.</summary>
    internal void RestoreTables(IEnumerable<(string, string)> sessions, IEnumerable<string> models, IEnumerable<string> geos)
    {
        if (sessions is ICollection<(string, string)> sc) { _sessionIndex.EnsureCapacity(sc.Count); Sessions.Capacity = Math.Max(Sessions.Capacity, sc.Count); }
        foreach (var (p, s) in sessions) SessionIndex(p, s);
        foreach (var m in models) ModelIndex(m);
        foreach (var g in geos) GeoIndex(g);
    }

    internal IReadOnlyList<UsageCell> Raw => _cells;

    /// <summary>The storage itself (reports read cells in place).</summary>
    internal CellStorage Storage => _cells;

    /// <summary>The storage positions in canonical order, or null when the storage is that order (restored and untouched).</summary>
    internal int[]? OrderIfNotStorage() =>
        _inOrder && _sortedCount == _cells.Count && (_touched is null || _touched.Count == 0) ? null : CanonicalOrder();

    internal ReadOnlySpan<UsageCell> RawSpan => _cells.AsSpan();

    /// <summary>A cell's entry times (tracked cells only), decoded from the stored file the first time.</summary>
    internal List<long>? TimesOf(int cell)
    {
        if (!TrackTimes) return null;
        return _times[cell] ??= _storedTimes?.Decode(cell) ?? [];
    }

    /// <summary>The stored bytes of a cell's times when they were never decoded (copied as they are when the state is written).</summary>
    internal ReadOnlySpan<byte> StoredTimesBytes(int cell, out bool decoded)
    {
        decoded = _times[cell] is not null || _storedTimes is null;
        return decoded ? default : _storedTimes!.Bytes(cell);
    }

    private StoredTimes? _storedTimes;
    /// <summary>Cells 0 .. <see cref="_sortedCount"/> were restored in canonical order; those in <see cref="_touched"/> changed since (or are new).</summary>
    private bool _inOrder;
    private int _sortedCount;
    private HashSet<int>? _touched;
    private int[]? _order;

    /// <summary>The positions of the non-empty cells in canonical order (see <see cref="Ordered"/>).</summary>
    internal int[] CanonicalOrder() => _order ??= ComputeOrder();

    private int[] ComputeOrder()
    {
        if (_inOrder)
        {
            // The untouched restored cells keep their relative order (adding sessions, models or regions does not change
            // how the existing ones compare); the touched ones are sorted and each put in by a binary search (an append
            // touches a few cells: no comparison per stored cell). Same result as a full sort.
            var raw = _cells.AsSpan();
            var touched = _touched is { Count: > 0 } t ? t.ToArray() : [];
            Array.Sort(touched);
            var kept = new int[_sortedCount];
            int n = 0, next = 0;
            for (int i = 0; i < _sortedCount; i++)
            {
                if (next < touched.Length && touched[next] == i) { next++; continue; }
                if (raw[i].Count > 0) kept[n++] = i;
            }
            var changed = new List<int>(touched.Length);
            foreach (var i in touched) if (raw[i].Count > 0) changed.Add(i);
            if (changed.Count == 0) return n == kept.Length ? kept : kept[..n];
            changed.Sort(CompareCells);
            var merged = new int[n + changed.Count];
            int from = 0, k = 0;
            foreach (var c in changed)
            {
                // After every kept cell that compares less than or equal (kept cells first on ties, as a merge would).
                int lo = from, hi = n;
                while (lo < hi)
                {
                    int mid = (lo + hi) >>> 1;
                    if (CompareCells(kept[mid], c) <= 0) lo = mid + 1; else hi = mid;
                }
                Array.Copy(kept, from, merged, k, lo - from);
                k += lo - from;
                merged[k++] = c;
                from = lo;
            }
            Array.Copy(kept, from, merged, k, n - from);
            return merged;
        }
        var all = _cells.AsSpan();
        var order = new List<int>(_cells.Count);
        for (int i = 0; i < all.Length; i++)
        {
            if (all[i].Count > 0) order.Add(i);
        }
        var sessionRank = Ranks(Sessions.Count, (a, b) =>
        {
            int r = string.CompareOrdinal(Sessions[a].SessionId, Sessions[b].SessionId);
            return r != 0 ? r : string.CompareOrdinal(Sessions[a].Project, Sessions[b].Project);
        });
        var modelRank = Ranks(Models.Count, (a, b) => string.CompareOrdinal(Models[a], Models[b]));
        var geoRank = Ranks(Geos.Count, (a, b) => string.CompareOrdinal(Geos[a], Geos[b]));
        // Sorted by keys copied out once (a comparison then reads 40 bytes, not two whole cells).
        var keys = new OrderKey[order.Count];
        var firstTimes = new long[order.Count];
        bool slotsFollowTimes = true;
        for (int k = 0; k < keys.Length; k++)
        {
            ref readonly var c = ref all[order[k]];
            keys[k] = new OrderKey(c.Slot, c.MinMs, sessionRank[c.Session], modelRank[c.Model], geoRank[c.Geo], c.Flags, c.PromptClass, order[k]);
            firstTimes[k] = c.MinMs;
            slotsFollowTimes &= UsageCell.SlotOf(c.MinMs) == c.Slot;
        }
        if (slotsFollowTimes)
        {
            // A cell's slot is that of its first entry, and slots sort like time: ordered by first entry time (a sort of
            // plain numbers), the cells are ordered by slot too, and only cells with equal first times need the rest.
            Array.Sort(firstTimes, keys);
            for (int i = 0; i < keys.Length;)
            {
                int j = i + 1;
                while (j < keys.Length && firstTimes[j] == firstTimes[i]) j++;
                if (j - i > 1) keys.AsSpan(i, j - i).Sort(default(OrderKeyComparer));
                i = j;
            }
        }
        else keys.AsSpan().Sort(default(OrderKeyComparer));
        var arr = new int[keys.Length];
        for (int k = 0; k < keys.Length; k++) arr[k] = keys[k].Position;
        return arr;
    }

    /// <summary>What the canonical order compares, with the tables' ranks for their indexes, and the cell's position.</summary>
    private readonly record struct OrderKey(long Slot, long MinMs, int Session, int Model, int Geo, byte Flags, byte PromptClass, int Position);

    private readonly struct OrderKeyComparer : IComparer<OrderKey>
    {
        public int Compare(OrderKey a, OrderKey b)
        {
            int r = a.Slot.CompareTo(b.Slot);
            if (r == 0) r = a.MinMs.CompareTo(b.MinMs);
            if (r == 0) r = a.Session.CompareTo(b.Session);
            if (r == 0) r = a.Model.CompareTo(b.Model);
            if (r == 0) r = a.Geo.CompareTo(b.Geo);
            if (r == 0) r = a.Flags.CompareTo(b.Flags);
            if (r == 0) r = a.PromptClass.CompareTo(b.PromptClass);
            return r;
        }
    }

    /// <summary>The canonical comparison of two cells, by the tables' strings (what the ranks of the full sort encode).</summary>
    private int CompareCells(int x, int y)
    {
        var raw = _cells.AsSpan();
        ref readonly var a = ref raw[x];
        ref readonly var b = ref raw[y];
        int r = a.Slot.CompareTo(b.Slot);
        if (r == 0) r = a.MinMs.CompareTo(b.MinMs);
        if (r == 0 && a.Session != b.Session)
        {
            r = string.CompareOrdinal(Sessions[a.Session].SessionId, Sessions[b.Session].SessionId);
            if (r == 0) r = string.CompareOrdinal(Sessions[a.Session].Project, Sessions[b.Session].Project);
        }
        if (r == 0 && a.Model != b.Model) r = string.CompareOrdinal(Models[a.Model], Models[b.Model]);
        if (r == 0 && a.Geo != b.Geo) r = string.CompareOrdinal(Geos[a.Geo], Geos[b.Geo]);
        if (r == 0) r = a.Flags.CompareTo(b.Flags);
        if (r == 0) r = a.PromptClass.CompareTo(b.PromptClass);
        return r;
    }

    private static int[] Ranks(int count, Comparison<int> compare)
    {
        var ids = Enumerable.Range(0, count).ToArray();
        Array.Sort(ids, compare);
        var rank = new int[count];
        for (int i = 0; i < ids.Length; i++) rank[ids[i]] = i;
        return rank;
    }

    /// <summary>
    /// The non-empty cells in one canonical order — by slot, first entry, session, model, region, flags, class — so
    /// reports sum them the same way however they were built.
    /// </summary>
    public IReadOnlyList<UsageCell> Ordered
    {
        get
        {
            if (_ordered is not null) return _ordered;
            // Restored in canonical order and untouched (every stored cell is non-empty): the storage is the order.
            if (_inOrder && _sortedCount == _cells.Count && (_touched is null || _touched.Count == 0)) return _ordered = _cells;
            // Else a view through the order (no copy of every cell: after an append the order is the storage's but for a few).
            return _ordered = new OrderedView(_cells, CanonicalOrder());
        }
    }

    /// <summary>The cells in an order given by their positions.</summary>
    private sealed class OrderedView(CellStorage cells, int[] order) : IReadOnlyList<UsageCell>
    {
        public UsageCell this[int index] => cells[order[index]];
        public int Count => order.Length;
        public IEnumerator<UsageCell> GetEnumerator()
        {
            foreach (var i in order) yield return cells[i];
        }
        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }

    private readonly record struct CellKey(long Slot, int Session, int Model, int Geo, byte Flags, byte PromptClass);
}
