namespace SeatGuard.Core.Report;

// The seams through which the report gets its data. Each source answers with data or with a plain
// explanation of what is missing and how to get it; the page shows either. See docs/report.md.

/// <summary>Daily tokens and cost by model, 5-hour blocks, and the month's API-equivalent cost (from transcripts).</summary>
public interface IUsageReportSource
{
    SourceResult<UsageReport> Load(ReportPeriod period);
}

/// <summary>The launches SeatGuard recorded in the period.</summary>
public interface ILedgerReportSource
{
    SourceResult<LedgerReport> Load(ReportPeriod period);
}

/// <summary>The latest repository scan's findings, counted by rule and tier.</summary>
public interface IScanReportSource
{
    SourceResult<ScanReport> Load();
}

/// <summary>Used until usage analytics are wired in: says there is no usage data and why.</summary>
public sealed class NoUsageSource : IUsageReportSource
{
    public static readonly NoUsageSource Instance = new();

    public SourceResult<UsageReport> Load(ReportPeriod period) => SourceResult<UsageReport>.None(
        "This build of SeatGuard does not read Claude Code's usage yet, so there are no token or cost charts.",
        "Use a SeatGuard build that includes `seatguard usage`; it reads Claude Code's local transcripts (~/.claude/projects).");
}

/// <summary>No scan was asked for (<c>--scan</c> not given): says how to include one.</summary>
public sealed class NoScanSource : IScanReportSource
{
    public static readonly NoScanSource Instance = new();

    public SourceResult<ScanReport> Load() => SourceResult<ScanReport>.None(
        "No scan was included in this report.",
        "Pass `--scan PATH` to scan a repository for this report (the findings `seatguard scan --json PATH` lists).");
}

/// <summary>Collects a report's data from its sources.</summary>
public sealed class ReportBuilder(IUsageReportSource usage, ILedgerReportSource ledger, IScanReportSource scan)
{
    public ReportData Build(ReportPeriod period, DateTimeOffset now) =>
        new(now, period, usage.Load(period), ledger.Load(period), scan.Load());
}
