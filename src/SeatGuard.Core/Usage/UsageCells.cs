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
    private readonly List<UsageCell> _cells = [];
    private readonly List<List<long>?> _times = [];
    private readonly Dictionary<CellKey, int> _index = [];
    private readonly Dictionary<(string, string), int> _sessionIndex = [];
    private readonly Dictionary<string, int> _modelIndex = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _geoIndex = new(StringComparer.Ordinal);
    private List<UsageCell>? _ordered;

    public UsageCells(IReadOnlyList<long> thresholds, bool trackTimes = false)
    {
        Thresholds = [.. thresholds.Distinct().Order()];
        TrackTimes = trackTimes;
        Geos.Add(null);
    }

    /// <summary>Prompt sizes at which a cell's prompt class changes, ascending.</summary>
    public long[] Thresholds { get; }
    public bool TrackTimes { get; }
    public List<(string Project, string SessionId)> Sessions { get; } = [];
    public List<string> Models { get; } = [];
    public List<string?> Geos { get; } = [];

    /// <summary>The default thresholds: every band of the embedded book and of <paramref name="book"/>.</summary>
    public static IReadOnlyList<long> ThresholdsFor(PriceBook? book) =>
        [.. PriceBook.Embedded.BandThresholds.Concat(book?.BandThresholds ?? []).Distinct().Order()];

    /// <summary>True when these cells can price by <paramref name="book"/>'s bands.</summary>
    public bool Supports(PriceBook book) => book.BandThresholds.All(t => Array.BinarySearch(Thresholds, t) >= 0);

    public static UsageCells FromEntries(IEnumerable<UsageEntry> entries, IReadOnlyList<long> thresholds)
    {
        var cells = new UsageCells(thresholds);
        foreach (var e in entries) cells.Add(e);
        return cells;
    }

    public int Count => _cells.Count;

    /// <summary>The number of entries counted.</summary>
    public long EntryCount { get; private set; }

    public int SessionIndex(string project, string session)
    {
        if (!_sessionIndex.TryGetValue((project, session), out int i))
        {
            _sessionIndex[(project, session)] = i = Sessions.Count;
            Sessions.Add((project, session));
        }
        return i;
    }

    public int ModelIndex(string model)
    {
        if (!_modelIndex.TryGetValue(model, out int i))
        {
            _modelIndex[model] = i = Models.Count;
            Models.Add(model);
        }
        return i;
    }

    public int GeoIndex(string? geo)
    {
        if (geo is null) return 0;
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

    private CellKey KeyOf(in UsageEntry e)
    {
        byte flags = (byte)((e.IsFast ? UsageCell.FastFlag : 0) | (e.HasCostUsd ? UsageCell.CostUsdFlag : 0));
        return new CellKey(UsageCell.SlotOf(e.TimestampMs), SessionIndex(e.Source.Project, e.Source.SessionId), ModelIndex(e.Model),
            GeoIndex(e.InferenceGeo), flags, PromptClassOf(e.InputSideTokens));
    }

    public void Add(in UsageEntry e)
    {
        var key = KeyOf(e);
        if (!_index.TryGetValue(key, out int i))
        {
            _index[key] = i = _cells.Count;
            _cells.Add(new UsageCell
            {
                Slot = key.Slot, Session = key.Session, Model = key.Model, Geo = key.Geo, Flags = key.Flags, PromptClass = key.PromptClass,
                MinMs = long.MaxValue, MaxMs = long.MinValue,
            });
            _times.Add(TrackTimes ? [] : null);
        }
        ref var cell = ref CollectionsMarshal.AsSpan(_cells)[i];
        cell.Add(e, +1);
        if (TrackTimes)
        {
            var times = _times[i]!;
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
        _ordered = null;
    }

    /// <summary>Takes a counted entry out again (it lost to a better duplicate). Needs <see cref="TrackTimes"/>.</summary>
    public void Remove(in UsageEntry e)
    {
        if (!TrackTimes) throw new InvalidOperationException("cells without entry times cannot remove entries");
        var key = KeyOf(e);
        if (!_index.TryGetValue(key, out int i)) throw new InvalidDataException("usage state: removed entry has no cell");
        ref var cell = ref CollectionsMarshal.AsSpan(_cells)[i];
        var times = _times[i]!;
        int at = times.BinarySearch(e.TimestampMs);
        if (at < 0 || cell.Count <= 0) throw new InvalidDataException("usage state: removed entry is not in its cell");
        times.RemoveAt(at);
        cell.Add(e, -1);
        cell.MinMs = times.Count > 0 ? times[0] : long.MaxValue;
        cell.MaxMs = times.Count > 0 ? times[^1] : long.MinValue;
        EntryCount--;
        _ordered = null;
    }

    /// <summary>Restores a stored cell (and its entry times when tracked).</summary>
    internal void Restore(in UsageCell cell, List<long>? times)
    {
        var key = new CellKey(cell.Slot, cell.Session, cell.Model, cell.Geo, cell.Flags, cell.PromptClass);
        _index[key] = _cells.Count;
        _cells.Add(cell);
        _times.Add(TrackTimes ? times ?? [] : null);
        EntryCount += cell.Count;
        _ordered = null;
    }

    /// <summary>Restores the tables (in index order) before cells that refer to them.</summary>
    internal void RestoreTables(IEnumerable<(string, string)> sessions, IEnumerable<string> models, IEnumerable<string> geos)
    {
        foreach (var (p, s) in sessions) SessionIndex(p, s);
        foreach (var m in models) ModelIndex(m);
        foreach (var g in geos) GeoIndex(g);
    }

    internal IReadOnlyList<UsageCell> Raw => _cells;
    internal List<long>? TimesOf(int cell) => _times[cell];

    /// <summary>
    /// The non-empty cells in one canonical order — by slot, first entry, session, model, region, flags, class — so
    /// reports sum them the same way however they were built.
    /// </summary>
    public IReadOnlyList<UsageCell> Ordered
    {
        get
        {
            if (_ordered is not null) return _ordered;
            var list = new List<UsageCell>(_cells.Count);
            foreach (var c in _cells)
            {
                if (c.Count > 0) list.Add(c);
            }
            list.Sort((a, b) =>
            {
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
            });
            return _ordered = list;
        }
    }

    private readonly record struct CellKey(long Slot, int Session, int Model, int Geo, byte Flags, byte PromptClass);
}
