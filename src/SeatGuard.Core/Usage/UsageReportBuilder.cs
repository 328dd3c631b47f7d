using System.Globalization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Report builders over a loaded dataset. Every report counts the same entries (the dataset is deduplicated once)
/// and prices each entry once.
/// </summary>
public sealed class UsageReportBuilder
{
    private readonly UsageDataset _data;
    private readonly UsageQuery _query;
    private readonly IReadOnlyList<UsageEntry> _selected;
    private readonly double[] _costs;
    private readonly SortedSet<string> _unknown = new(StringComparer.Ordinal);

    /// <summary>A builder over these entries and this query.</summary>
    public UsageReportBuilder(UsageDataset data, UsageQuery query)
    {
        _data = data;
        _query = query;
        if (query.Since is null && query.Until is null) _selected = data.Entries;
        else
        {
            var selected = new List<UsageEntry>();
            foreach (var e in data.Entries)
            {
                var day = LocalDate(e);
                if (query.Since is { } s && day < s) continue;
                if (query.Until is { } u && day > u) continue;
                selected.Add(e);
            }
            _selected = selected;
        }
        _costs = new double[_selected.Count];
        for (int i = 0; i < _costs.Length; i++)
        {
            var c = query.Pricing.Cost(_selected[i], query.CostMode);
            if (c is null)
            {
                _unknown.Add(_selected[i].Model);
                _costs[i] = query.CostMode == CostMode.Ccusage ? 0 : double.NaN;
            }
            else _costs[i] = c.Value;
        }
    }

    /// <summary>Entries in range, sorted by time.</summary>
    public IReadOnlyList<UsageEntry> Entries => _selected;

    /// <summary>The cost of <see cref="Entries"/>[index] as every report prices it (NaN: its model has no price).</summary>
    public double Cost(int index) => _costs[index];

    /// <summary>Models without a price: their cost is unknown, not 0.</summary>
    public IReadOnlyCollection<string> UnknownModels => _unknown;

    /// <summary>The entries.</summary>
    public UsageDataset Dataset => _data;

    /// <summary>The entry's local date in the query's time zone.</summary>
    public DateOnly LocalDate(in UsageEntry e) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(e.Timestamp, _query.TimeZone).DateTime);

    /// <summary>The daily report.</summary>
    public DailyReport Daily() =>
        new() { Daily = Group(e => Iso(LocalDate(e)), k => new DailyRow { Date = k }), Totals = Totals() };

    /// <summary>The weekly report.</summary>
    public WeeklyReport Weekly() =>
        new() { Weekly = Group(e => Iso(WeekStart(LocalDate(e))), k => new WeeklyRow { Week = k }), Totals = Totals() };

    /// <summary>The monthly report.</summary>
    public MonthlyReport Monthly() =>
        new() { Monthly = Group(e => LocalDate(e).ToString("yyyy-MM", CultureInfo.InvariantCulture), k => new MonthlyRow { Month = k }), Totals = Totals() };

    /// <summary>The session report.</summary>
    public SessionReport Sessions()
    {
        var rows = new Dictionary<(string, string), SessionRow>();
        var order = new List<SessionRow>();
        for (int i = 0; i < _selected.Count; i++)
        {
            var e = _selected[i];
            var key = (e.Source.Project, e.Source.SessionId);
            if (!rows.TryGetValue(key, out var row))
            {
                row = new SessionRow { SessionId = e.Source.SessionId, ProjectPath = e.Source.Project, FirstActivity = IsoTime(e.Timestamp) };
                rows[key] = row;
                order.Add(row);
            }
            row.AddWithModel(e, _costs[i]);
            row.LastActivity = IsoTime(e.Timestamp);
        }
        foreach (var r in order) r.Finish();
        // ccusage lists sessions by cost, highest first.
        var sorted = order.OrderByDescending(r => r.TotalCost).ThenByDescending(r => r.LastActivity, StringComparer.Ordinal).ToList();
        return new SessionReport { Sessions = sorted, Totals = Totals() };
    }

    /// <summary>Totals per project (directory under projects/), highest cost first.</summary>
    public List<ProjectRow> Projects()
    {
        var rows = new Dictionary<string, ProjectRow>(StringComparer.Ordinal);
        for (int i = 0; i < _selected.Count; i++)
        {
            var e = _selected[i];
            if (!rows.TryGetValue(e.Source.Project, out var row)) rows[e.Source.Project] = row = new ProjectRow { Project = e.Source.Project };
            row.Add(e, _costs[i]);
        }
        return rows.Values.OrderByDescending(r => r.TotalCost).ThenBy(r => r.Project, StringComparer.Ordinal).ToList();
    }

    /// <summary>Totals of the selected entries.</summary>
    public UsageTotals Totals()
    {
        var t = new UsageTotals();
        for (int i = 0; i < _selected.Count; i++) t.Add(_selected[i], _costs[i]);
        return t;
    }

    /// <summary>API-equivalent cost of the selection against a plan's price for each calendar month it covers.</summary>
    public PlanComparison? ComparePlan(string planId)
    {
        var plan = _query.Pricing.Data.Plans.FirstOrDefault(p => string.Equals(p.Id, planId, StringComparison.OrdinalIgnoreCase));
        if (plan is null) return null;
        int months = _selected.Select(e => LocalDate(e).ToString("yyyy-MM", CultureInfo.InvariantCulture)).Distinct().Count();
        double api = Totals().TotalCost;
        double planCost = plan.MonthlyUsd * Math.Max(1, months);
        return new PlanComparison(plan.Id, plan.MonthlyUsd, Math.Max(1, months), planCost, api, planCost == 0 ? 0 : api / planCost);
    }

    /// <summary>5-hour blocks with gap blocks, the active block's burn rate and projection (usage-rules.md).</summary>
    /// <param name="tokenLimit">A token limit, or null; use <see cref="MaxPreviousBlockTokens"/> for "max".</param>
    public BlocksReport Blocks(long? tokenLimit = null) => new() { Blocks = BlockBuilder.Build(_selected, _costs, _query, tokenLimit) };

    /// <summary>The largest token total of a finished (non-gap, inactive) block: ccusage's <c>--token-limit max</c>.</summary>
    public long MaxPreviousBlockTokens() =>
        BlockBuilder.Build(_selected, _costs, _query, null).Where(b => !b.IsGap && !b.IsActive).Select(b => b.TotalTokens).DefaultIfEmpty(0).Max();

    /// <summary>The active block, or null (for the status line).</summary>
    public BlockRow? ActiveBlock() => BlockBuilder.Build(_selected, _costs, _query, null).LastOrDefault(b => b.IsActive);

    private DateOnly WeekStart(DateOnly d) => d.AddDays(-(((int)d.DayOfWeek - (int)_query.StartOfWeek + 7) % 7));

    private List<T> Group<T>(Func<UsageEntry, string> keyOf, Func<string, T> create) where T : UsageRow
    {
        var rows = new SortedDictionary<string, T>(StringComparer.Ordinal);
        for (int i = 0; i < _selected.Count; i++)
        {
            var e = _selected[i];
            var key = keyOf(e);
            if (!rows.TryGetValue(key, out var row)) rows[key] = row = create(key);
            row.AddWithModel(e, _costs[i]);
        }
        foreach (var r in rows.Values) r.Finish();
        return rows.Values.ToList();
    }

    internal static string Iso(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>ISO 8601 in UTC with milliseconds, as JavaScript's toISOString writes it.</summary>
    public static string IsoTime(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
}
