using System.Globalization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Report builders over a loaded dataset. Every report counts the same entries (the dataset is deduplicated once) and
/// works on its <see cref="UsageCells"/>, each priced once, so the cost of a report does not grow with the number of
/// transcript lines.
/// </summary>
public sealed class UsageReportBuilder
{
    private readonly UsageDataset _data;
    private readonly UsageQuery _query;
    private readonly UsageCells _cells;
    private readonly CellSelection _selected;
    private readonly List<double> _costs = [];
    private readonly List<bool> _unpricedFlags = [];
    private readonly List<string> _names = [];
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);
    private readonly Dictionary<long, TimeSpan> _offsets = [];
    private long _lastHour = long.MinValue;
    private TimeSpan _lastOffset;

    /// <summary>A builder over these entries and this query.</summary>
    public UsageReportBuilder(UsageDataset data, UsageQuery query)
    {
        _data = data;
        _query = query;
        _cells = data.CellsFor(query.Pricing);
        var pricer = new CellPricer(_cells, query);
        // The cells in canonical order, read where they are stored (no copy of a 136-byte cell per step).
        var storage = _cells.Storage;
        var order = _cells.OrderIfNotStorage();
        var raw = storage.AsSpan();
        int n = order?.Length ?? raw.Length;
        // Cells are ordered by slot: a date range only looks at the slots that can hold its days (±14 h of offsets).
        int from = 0, to = n;
        if (query.Since is { } since) from = FirstSlotAtOrAfter(raw, order, UtcMidnightMs(since) - 14 * 3_600_000L);
        if (query.Until is { } until) to = FirstSlotAtOrAfter(raw, order, UtcMidnightMs(until.AddDays(1)) + 14 * 3_600_000L);
        // Sized once: growing a year's selection by doubling costs it twice over.
        _selected = new CellSelection(storage, Math.Max(0, to - from));
        _costs.Capacity = _unpricedFlags.Capacity = _names.Capacity = Math.Max(0, to - from);
        bool ranged = query.Since is not null || query.Until is not null, fastNames = query.CostMode == CostMode.Ccusage;
        for (int k = from; k < to; k++)
        {
            int at = order is null ? k : order[k];
            ref readonly var c = ref raw[at];
            if (data.Project is { } project && !TranscriptFiles.ProjectMatches(_cells.Sessions[c.Session].Project, project)) continue;
            if (ranged)
            {
                var day = LocalDate(c.MinMs);
                if (query.Since is { } s && day < s) continue;
                if (query.Until is { } u && day > u) continue;
            }
            double cost = pricer.Cost(c, out bool unpriced);
            // ccusage names a fast-mode request's model "<model>-fast" in every report; so does ccusage mode.
            var name = fastNames && c.Fast ? FastName(c.Model) : _cells.Models[c.Model];
            if (unpriced) _unknown.Add(name);
            _names.Add(name);
            _selected.Add(at);
            _costs.Add(cost);
            _unpricedFlags.Add(unpriced);
        }
    }

    private readonly Dictionary<int, string> _fastNames = [];

    private string FastName(int model)
    {
        if (!_fastNames.TryGetValue(model, out var name)) _fastNames[model] = name = _cells.Models[model] + "-fast";
        return name;
    }

    private static long UtcMidnightMs(DateOnly d) => (d.DayNumber - DateOnly.FromDateTime(DateTime.UnixEpoch).DayNumber) * 86_400_000L;

    private static int FirstSlotAtOrAfter(ReadOnlySpan<UsageCell> raw, int[]? order, long timestampMs)
    {
        long slot = UsageCell.SlotOf(timestampMs);
        int lo = 0, hi = order?.Length ?? raw.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (raw[order is null ? mid : order[mid]].Slot < slot) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Entries in range, sorted by time (loaded on demand: reports do not need them).</summary>
    public IReadOnlyList<UsageEntry> Entries
    {
        get
        {
            if (_query.Since is null && _query.Until is null) return _data.Entries;
            var list = new List<UsageEntry>();
            foreach (var e in _data.Entries)
            {
                var day = LocalDate(e.TimestampMs);
                if (_query.Since is { } s && day < s) continue;
                if (_query.Until is { } u && day > u) continue;
                list.Add(e);
            }
            return list;
        }
    }

    /// <summary>Models without a price: their cost is unknown, not 0 (ccusage mode: the models ccusage prices at 0).</summary>
    public IReadOnlyCollection<string> UnknownModels => _unknown;

    /// <summary>The unknown models that look newer than the price book (it needs <c>seatguard pricing update</c>).</summary>
    public IReadOnlyCollection<string> NewerModels => _query.CostMode == CostMode.Anthropic ? _unknown.Where(_query.Pricing.IsNewerThanBook).ToList() : [];

    /// <summary>The entries.</summary>
    public UsageDataset Dataset => _data;

    /// <summary>The number of entries in range.</summary>
    public long EntryCount => _selected.Sum(c => (long)c.Count);

    /// <summary>The entry's local date in the query's time zone.</summary>
    public DateOnly LocalDate(in UsageEntry e) => LocalDate(e.TimestampMs);

    /// <summary>
    /// The sums in range by local day, model, project and session, priced as every report prices them (cost NaN: the
    /// model has no price), in time order: what a team sync sends, so a machine's rows add up to its <c>usage daily</c>.
    /// </summary>
    public IEnumerable<(DateOnly Day, string Model, string Project, string SessionId, UsageCell Cell, double Cost)> PricedCells()
    {
        for (int i = 0; i < _selected.Count; i++)
        {
            ref readonly var c = ref _selected.At(i);
            var (project, session) = _cells.Sessions[c.Session];
            yield return (LocalDate(c.MinMs), _names[i], project, session, c, _costs[i]);
        }
    }

    /// <summary>The day of an instant in the report's time zone (offsets are looked up once per hour).</summary>
    public DateOnly LocalDate(long timestampMs)
    {
        long hour = Math.DivRem(timestampMs, 3_600_000, out long rem) - (rem < 0 ? 1 : 0);
        // Cells come in time order: most lookups are of the hour before.
        TimeSpan offset;
        if (hour == _lastHour) offset = _lastOffset;
        else if (!_offsets.TryGetValue(hour, out offset))
        {
            // Offsets are whole quarter hours and change on quarter hours, so one per hour holds for the whole hour
            // except in a transition hour, which is looked up exactly below.
            offset = _query.TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(hour * 3_600_000));
            var end = _query.TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(hour * 3_600_000 + 3_599_999));
            if (end != offset) offset = TimeSpan.MinValue;
            _offsets[hour] = offset;
        }
        (_lastHour, _lastOffset) = (hour, offset);
        if (offset == TimeSpan.MinValue) offset = _query.TimeZone.GetUtcOffset(DateTimeOffset.FromUnixTimeMilliseconds(timestampMs));
        return DateOnly.FromDateTime(DateTime.UnixEpoch.AddMilliseconds(timestampMs) + offset);
    }

    /// <summary>The daily report.</summary>
    public DailyReport Daily() =>
        new() { Daily = Periods(Group((in UsageCell c) => LocalDate(c.MinMs).DayNumber, k => new DailyRow { Date = Iso(DateOnly.FromDayNumber(k)) })), Totals = Totals() };

    /// <summary>The weekly report.</summary>
    public WeeklyReport Weekly() =>
        new() { Weekly = Periods(Group((in UsageCell c) => WeekStart(LocalDate(c.MinMs)).DayNumber, k => new WeeklyRow { Week = Iso(DateOnly.FromDayNumber(k)) })), Totals = Totals() };

    /// <summary>The monthly report.</summary>
    public MonthlyReport Monthly() =>
        new() { Monthly = Periods(Group((in UsageCell c) => { var d = LocalDate(c.MinMs); return d.Year * 12 + d.Month - 1; }, k => new MonthlyRow { Month = $"{k / 12:D4}-{k % 12 + 1:D2}" })), Totals = Totals() };

    /// <summary>Daily rows per project (ccusage's <c>daily --instances</c>), projects by name.</summary>
    public SortedDictionary<string, List<DailyRow>> DailyByProject()
    {
        var result = new SortedDictionary<string, List<DailyRow>>(StringComparer.Ordinal);
        foreach (var project in _selected.Select(c => _cells.Sessions[c.Session].Project).Distinct())
        {
            var rows = Periods(Group((in UsageCell c) => LocalDate(c.MinMs).DayNumber, k => new DailyRow { Date = Iso(DateOnly.FromDayNumber(k)), Project = project },
                (in UsageCell c) => _cells.Sessions[c.Session].Project == project));
            result[project] = rows;
        }
        return result;
    }

    /// <summary>The session report.</summary>
    public SessionReport Sessions()
    {
        var rows = new Dictionary<int, SessionRow>();
        var first = new Dictionary<int, long>();
        var last = new Dictionary<int, long>();
        for (int i = 0; i < _selected.Count; i++)
        {
            ref readonly var c = ref _selected.At(i);
            if (!rows.TryGetValue(c.Session, out var row))
            {
                var (project, session) = _cells.Sessions[c.Session];
                rows[c.Session] = row = new SessionRow { SessionId = session, ProjectPath = project };
                first[c.Session] = c.MinMs;
                last[c.Session] = c.MaxMs;
            }
            row.AddWithModel(c, _names[i], _costs[i], _unpricedFlags[i]);
            if (c.MinMs < first[c.Session]) first[c.Session] = c.MinMs;
            if (c.MaxMs > last[c.Session]) last[c.Session] = c.MaxMs;
        }
        foreach (var (k, r) in rows)
        {
            r.FirstActivity = IsoTime(first[k]);
            r.LastActivity = IsoTime(last[k]);
            r.Finish();
        }
        // ccusage lists sessions by cost, highest first (its --order does not change that).
        var sorted = rows.Values.OrderByDescending(r => r.TotalCost ?? -1).ThenByDescending(r => r.LastActivity, StringComparer.Ordinal)
            .ThenBy(r => r.SessionId, StringComparer.Ordinal).ThenBy(r => r.ProjectPath, StringComparer.Ordinal).ToList();
        return new SessionReport { Sessions = sorted, Totals = Totals() };
    }

    /// <summary>One session's counted requests (<c>session --id</c>); null when no entry in range has that session id.</summary>
    public SessionDetailReport? SessionDetail(string sessionId)
    {
        var rows = new List<SessionEntryRow>();
        var totals = new UsageTotals();
        var source = _query.EffectiveCostSource;
        foreach (var e in Entries)
        {
            if (e.Source.SessionId != sessionId) continue;
            if (_data.Project is { } project && !TranscriptFiles.ProjectMatches(e.Source.Project, project)) continue;
            double? cost;
            bool unpriced = false;
            if (e.HasCostUsd && source != CostSource.Calculate) cost = e.CostUsd;
            else if (source == CostSource.Display) cost = 0;
            else if (_query.CostMode == CostMode.Ccusage) cost = CcusagePricing.Embedded.Cost(e, out unpriced);
            else { cost = _query.Pricing.Cost(e); unpriced = cost is null && e.TotalTokens > 0; }
            totals.AddCost(e.Model, cost ?? double.NaN, unpriced);
            totals.TotalTokens += e.TotalTokens;
            double? shown = _query.CostMode == CostMode.Ccusage ? (e.HasCostUsd ? e.CostUsd : 0) : cost;
            var model = _query.CostMode == CostMode.Ccusage && e.IsFast ? e.Model + "-fast" : e.Model;
            rows.Add(new SessionEntryRow(IsoTime(e.TimestampMs), model, e.InputTokens, e.OutputTokens, e.CacheCreationTokens, e.CacheReadTokens, shown));
        }
        if (rows.Count == 0) return null;
        return new SessionDetailReport { SessionId = sessionId, TotalCost = totals.TotalCost, TotalTokens = totals.TotalTokens, UnpricedModels = totals.UnpricedModels, Entries = rows };
    }

    /// <summary>Totals per project (directory under projects/), highest cost first.</summary>
    public List<ProjectRow> Projects()
    {
        var rows = new Dictionary<string, ProjectRow>(StringComparer.Ordinal);
        for (int i = 0; i < _selected.Count; i++)
        {
            ref readonly var c = ref _selected.At(i);
            var project = _cells.Sessions[c.Session].Project;
            if (!rows.TryGetValue(project, out var row)) rows[project] = row = new ProjectRow { Project = project };
            row.Add(c, _names[i], _costs[i], _unpricedFlags[i]);
        }
        return rows.Values.OrderByDescending(r => r.TotalCost ?? -1).ThenBy(r => r.Project, StringComparer.Ordinal).ToList();
    }

    /// <summary>Totals of the selected entries.</summary>
    public UsageTotals Totals()
    {
        var t = new UsageTotals();
        for (int i = 0; i < _selected.Count; i++) t.Add(_selected.At(i), _names[i], _costs[i], _unpricedFlags[i]);
        return t;
    }

    /// <summary>API-equivalent cost of the selection against a plan's price for each calendar month it covers.</summary>
    public PlanComparison? ComparePlan(string planId)
    {
        var plan = _query.Pricing.Plans.FirstOrDefault(p => string.Equals(p.Id, planId, StringComparison.OrdinalIgnoreCase));
        if (plan is null) return null;
        int months = _selected.Select(c => { var d = LocalDate(c.MinMs); return d.Year * 12 + d.Month; }).Distinct().Count();
        double api = Totals().TotalCost ?? 0;
        double planCost = plan.MonthlyUsd * Math.Max(1, months);
        return new PlanComparison(plan.Id, plan.MonthlyUsd, Math.Max(1, months), planCost, api, planCost == 0 ? 0 : api / planCost);
    }

    /// <summary>5-hour blocks with gap blocks, the active block's burn rate and projection (usage-rules.md).</summary>
    /// <param name="tokenLimit">A token limit, or null; use <see cref="MaxPreviousBlockTokens"/> for "max".</param>
    public BlocksReport Blocks(long? tokenLimit = null)
    {
        var blocks = BlockBuilder.Build(_selected, _costs, _unpricedFlags, _names, _query, tokenLimit);
        if (_query.Descending) blocks.Reverse();
        var unknown = blocks.SelectMany(b => b.UnpricedModels ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        return new() { Blocks = blocks, UnpricedModels = unknown.Count > 0 ? unknown : null };
    }

    /// <summary>The largest token total of a finished (non-gap, inactive) block: ccusage's <c>--token-limit max</c>.</summary>
    public long MaxPreviousBlockTokens() =>
        BlockBuilder.Build(_selected, _costs, _unpricedFlags, _names, _query, null).Where(b => !b.IsGap && !b.IsActive).Select(b => b.TotalTokens).DefaultIfEmpty(0).Max();

    /// <summary>
    /// The active block, or null (for the status line). Blocks are built only from the last gap of more than a block's
    /// length before it: what came earlier cannot change where the active block starts.
    /// </summary>
    public BlockRow? ActiveBlock()
    {
        long len = (long)_query.BlockLength.TotalMilliseconds;
        int start = _selected.Count;
        long later = long.MaxValue; // the first time after the slots walked so far
        while (start > 0)
        {
            // One slot, from its last cell back.
            int first = start - 1;
            long slotMin = long.MaxValue, slotMax = long.MinValue;
            while (first >= 0 && _selected.At(first).Slot == _selected.At(start - 1).Slot)
            {
                slotMin = Math.Min(slotMin, _selected.At(first).MinMs);
                slotMax = Math.Max(slotMax, _selected.At(first).MaxMs);
                first--;
            }
            if (later != long.MaxValue && later - slotMax > len) break; // a gap: a new block started after it
            later = slotMin;
            start = first + 1;
        }
        if (start == _selected.Count) return null;
        return BlockBuilder.Build(_selected.Slice(start), _costs[start..], _unpricedFlags[start..], _names[start..], _query, null).LastOrDefault(b => b.IsActive);
    }

    private DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek - (int)_query.StartOfWeek + 7) % 7));

    private List<T> Periods<T>(List<T> rows)
    {
        if (_query.Last is { } n && n > 0 && rows.Count > n) rows = rows[^n..];
        if (_query.Descending) rows.Reverse();
        return rows;
    }

    private delegate int GroupKey(in UsageCell c);
    private delegate bool CellFilter(in UsageCell c);

    private List<T> Group<T>(GroupKey keyOf, Func<int, T> create, CellFilter? where = null) where T : UsageRow
    {
        var rows = new SortedDictionary<int, T>();
        // Cells come in time order, so a period's cells are consecutive: most steps stay in the row of the step before.
        // Every key is a day's or made of days, and a slot never straddles a day: cells of one slot share a key.
        int lastKey = 0;
        long lastSlot = long.MinValue;
        T? last = null;
        for (int i = 0; i < _selected.Count; i++)
        {
            ref readonly var c = ref _selected.At(i);
            if (where is not null && !where(c)) continue;
            var key = last is not null && c.Slot == lastSlot ? lastKey : keyOf(c);
            lastSlot = c.Slot;
            if (last is null || key != lastKey)
            {
                if (!rows.TryGetValue(key, out last)) rows[key] = last = create(key);
                lastKey = key;
            }
            last.AddWithModel(c, _names[i], _costs[i], _unpricedFlags[i]);
        }
        foreach (var r in rows.Values) r.Finish();
        return rows.Values.ToList();
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it.</summary>
    public static string IsoTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with milliseconds of a Unix-milliseconds instant, as JavaScript's toISOString writes it.</summary>
    public static string IsoTime(long unixMs) => IsoTime(DateTimeOffset.FromUnixTimeMilliseconds(unixMs));
}
