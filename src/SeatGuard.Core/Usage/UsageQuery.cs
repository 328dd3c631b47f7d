namespace SeatGuard.Core.Usage;

/// <summary>How a report selects, groups, orders and prices entries.</summary>
public sealed record UsageQuery
{
    /// <summary>First day included (in <see cref="TimeZone"/>).</summary>
    public DateOnly? Since { get; init; }
    /// <summary>Last day included (in <see cref="TimeZone"/>).</summary>
    public DateOnly? Until { get; init; }
    /// <summary>The time zone days are grouped in.</summary>
    public TimeZoneInfo TimeZone { get; init; } = TimeZoneInfo.Utc;
    /// <summary>How cost is computed.</summary>
    public CostMode CostMode { get; init; } = CostMode.Anthropic;
    /// <summary>What a line's <c>costUSD</c> counts for; null: <see cref="CostSource.Calculate"/> under Anthropic pricing, <see cref="CostSource.Auto"/> under ccusage's.</summary>
    public CostSource? CostSource { get; init; }
    /// <summary>The price book (embedded, imported and user layers).</summary>
    public PriceBook Pricing { get; init; } = PriceBook.Embedded;
    /// <summary>The first day of a week (weekly).</summary>
    public DayOfWeek StartOfWeek { get; init; } = DayOfWeek.Sunday;
    /// <summary>"Now" for active blocks and projections.</summary>
    public required DateTimeOffset Now { get; init; }
    /// <summary>Block length (5 hours; a whole number of quarter hours, at least one hour).</summary>
    public TimeSpan BlockLength { get; init; } = TimeSpan.FromHours(5);
    /// <summary>Newest period first (ccusage's <c>--order desc</c>) for daily, weekly, monthly and blocks.</summary>
    public bool Descending { get; init; }
    /// <summary>Only the newest N periods (ccusage's <c>--last</c>).</summary>
    public int? Last { get; init; }

    /// <summary>The cost source in effect: <see cref="CostSource"/> when set, else <see cref="Usage.CostSource.Auto"/> under ccusage pricing and <see cref="Usage.CostSource.Calculate"/> under Anthropic pricing.</summary>
    public CostSource EffectiveCostSource => CostSource ?? (CostMode == CostMode.Ccusage ? Usage.CostSource.Auto : Usage.CostSource.Calculate);

    /// <summary>The instant before which no entry can be in range (for skipping old files), with a day's margin.</summary>
    public DateTimeOffset? EarliestInstant =>
        Since is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1) : null;
}
