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

/// <summary>
/// Used until the scanner is wired in. Without <c>--scan</c> it says how to include a scan; with
/// <c>--scan PATH</c> it says the scanner is not available in this build.
/// </summary>
public sealed class NoScanSource(string? requestedPath) : IScanReportSource
{
    public string? RequestedPath { get; } = requestedPath;

    public SourceResult<ScanReport> Load() => RequestedPath is null
        ? SourceResult<ScanReport>.None(
            "No scan was included in this report.",
            "Pass `--scan PATH` to scan a repository for this report (the findings `seatguard scan --json PATH` lists).")
        : SourceResult<ScanReport>.None(
            $"The repository scanner is not available in this build, so {RequestedPath} was not scanned.",
            "Use a SeatGuard build that includes `seatguard scan`.");
}

/// <summary>Collects a report's data from its sources.</summary>
public sealed class ReportBuilder(IUsageReportSource usage, ILedgerReportSource ledger, IScanReportSource scan)
{
    public ReportData Build(ReportPeriod period, DateTimeOffset now) =>
        new(now, period, usage.Load(period), ledger.Load(period), scan.Load());
}
