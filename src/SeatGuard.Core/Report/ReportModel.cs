namespace SeatGuard.Core.Report;

/// <summary>The days a report covers, both ends inclusive (UTC dates).</summary>
public sealed record ReportPeriod(DateOnly From, DateOnly Until)
{
    /// <summary>The first instant of <see cref="From"/>, UTC.</summary>
    public DateTimeOffset Start => new(From.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>The first instant after <see cref="Until"/>, UTC (exclusive end).</summary>
    public DateTimeOffset End => new(Until.AddDays(1).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    public bool Contains(DateTimeOffset time) => time >= Start && time < End;

    /// <summary>The default: the 30 days ending on <paramref name="today"/>.</summary>
    public static ReportPeriod LastThirtyDays(DateOnly today) => new(today.AddDays(-29), today);
}

/// <summary>Tokens and API-equivalent cost one model used on one day. Cost is null when the model's price is unknown.</summary>
public sealed record DailyModelUsage(DateOnly Date, string Model, long Tokens, decimal? Cost);

/// <summary>One 5-hour block (gap blocks are left out). Cost is null when a model's price is unknown.</summary>
public sealed record BlockSummary(DateTimeOffset Start, DateTimeOffset End, long Tokens, decimal? Cost, bool IsActive);

/// <summary>A month's API-equivalent cost set against the subscription's price (both null when the plan is unknown).</summary>
public sealed record MonthCost(string Month, decimal ApiEquivalentCost, string? PlanName, decimal? PlanPrice);

/// <summary>What the usage source gives the report. Any list may be empty.</summary>
public sealed record UsageReport(IReadOnlyList<DailyModelUsage> Daily, IReadOnlyList<BlockSummary> Blocks, MonthCost? Month);

/// <summary>One launch from the ledger, reduced to what the report shows (never a credential).</summary>
public sealed record LaunchRecord(DateTimeOffset Time, string Beneficiary, string Owner, string Verdict, string Mode, string CredentialKind, string Command, double? CostUsd, bool Forced);

/// <summary>The ledger's launches in the period, and where the ledger lives.</summary>
public sealed record LedgerReport(string Path, IReadOnlyList<LaunchRecord> Launches);

/// <summary>How many findings of one rule a scan reported, and its tier (<see cref="FindingTiers"/>).</summary>
public sealed record FindingCount(string Tier, string Rule, int Count);

/// <summary>The latest scan: what was scanned, when, and its findings counted by rule.</summary>
public sealed record ScanReport(string Target, DateTimeOffset ScannedAt, IReadOnlyList<FindingCount> Findings);

/// <summary>Scan tiers, as the scanner names them.</summary>
public static class FindingTiers
{
    public const string Red = "red";
    public const string Gray = "gray";
    public const string Green = "green";
    public static readonly IReadOnlyList<string> All = [Red, Gray, Green];
}

/// <summary>
/// What a source gave: its data, or why there is none (<see cref="Missing"/>) and what the user can do
/// about it (<see cref="HowToGet"/>). Exactly one of <see cref="Data"/> and <see cref="Missing"/> is set.
/// </summary>
public sealed record SourceResult<T>(T? Data, string? Missing, string? HowToGet) where T : class
{
    public static SourceResult<T> Found(T data) => new(data, null, null);
    public static SourceResult<T> None(string missing, string howToGet) => new(null, missing, howToGet);
}

/// <summary>Everything one report page shows. Built by <see cref="ReportBuilder"/>, written by <see cref="HtmlReportWriter"/>.</summary>
public sealed record ReportData(
    DateTimeOffset GeneratedAt,
    ReportPeriod Period,
    SourceResult<UsageReport> Usage,
    SourceResult<LedgerReport> Ledger,
    SourceResult<ScanReport> Scan);
