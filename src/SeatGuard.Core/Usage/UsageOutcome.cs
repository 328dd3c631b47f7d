namespace SeatGuard.Core.Usage;

/// <summary>
/// A usage report with what loading found. Exactly one of the report properties is set, by
/// <see cref="UsageRequest.Kind"/>; <see cref="Period"/> is the period report (daily, weekly, monthly, session) if any.
/// </summary>
public sealed record UsageOutcome(UsageRequest Request, UsageDataset Data, UsageReportBuilder Builder)
{
    /// <summary>The daily report, when asked for.</summary>
    public DailyReport? Daily { get; init; }
    /// <summary>The weekly report, when asked for.</summary>
    public WeeklyReport? Weekly { get; init; }
    /// <summary>The monthly report, when asked for.</summary>
    public MonthlyReport? Monthly { get; init; }
    /// <summary>The session report, when asked for.</summary>
    public SessionReport? Session { get; init; }
    /// <summary>The blocks report, when asked for.</summary>
    public BlocksReport? Blocks { get; init; }

    /// <summary>The token limit the blocks report applied (a number, or the largest previous block for 'max').</summary>
    public long? TokenLimit { get; init; }

    /// <summary>The period report that was asked for, or null for blocks.</summary>
    public UsageReportBase? Period => (UsageReportBase?)Daily ?? (UsageReportBase?)Weekly ?? (UsageReportBase?)Monthly ?? Session;

    /// <summary>The rows of the period report with their key (date, week, month, or session and project).</summary>
    public IEnumerable<(string Key, UsageRow Row)> Rows => Request.Kind switch
    {
        UsageReportKind.Daily => Daily!.Daily.Select(r => (r.Date, (UsageRow)r)),
        UsageReportKind.Weekly => Weekly!.Weekly.Select(r => (r.Week, (UsageRow)r)),
        UsageReportKind.Monthly => Monthly!.Monthly.Select(r => (r.Month, (UsageRow)r)),
        UsageReportKind.Session => Session!.Sessions.Select(r => ($"{r.SessionId}\n{r.ProjectPath}", (UsageRow)r)),
        _ => [],
    };

    /// <summary>The title of the rows' key column.</summary>
    public string KeyTitle => Request.Kind switch
    {
        UsageReportKind.Daily => "Date",
        UsageReportKind.Weekly => "Week",
        UsageReportKind.Monthly => "Month",
        UsageReportKind.Session => "Session",
        _ => "Block",
    };
}
