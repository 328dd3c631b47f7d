using System.Globalization;

namespace SeatGuard.Core.Usage;

/// <summary>How a report selects, groups and prices entries.</summary>
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
    /// <summary>The prices.</summary>
    public PricingTable Pricing { get; init; } = PricingTable.Embedded;
    /// <summary>The first day of a week.</summary>
    public DayOfWeek StartOfWeek { get; init; } = DayOfWeek.Sunday;
    /// <summary>"Now" for active blocks and projections.</summary>
    public required DateTimeOffset Now { get; init; }
    /// <summary>Block length (5 hours).</summary>
    public TimeSpan BlockLength { get; init; } = TimeSpan.FromHours(5);

    /// <summary>The instant before which no entry can be in range (for skipping old files), with a day's margin.</summary>
    public DateTimeOffset? EarliestInstant =>
        Since is { } d ? new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(-1) : null;
}
