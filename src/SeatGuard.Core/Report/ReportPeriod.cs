using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>The days a report covers, both ends inclusive (UTC dates).</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly Until)
{
    /// <summary>The first instant of <see cref="From"/>, UTC.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after <see cref="Until"/>, UTC (exclusive end).</summary>
    public DateTimeOffset End => new(Until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>Whether the time falls in the period.</summary>
    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    /// <summary>The default: the 30 days ending on <paramref name="today"/>.</summary>
    public static ReportPeriod LastThirtyDays(DateOnly today) => new(today.AddDays(-29), today);
}
