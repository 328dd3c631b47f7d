using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>Everything one report page shows. Built by <see cref="ReportBuilder"/>, written by <see cref="HtmlReportWriter"/>.</summary>
public sealed record ReportData(
    DateTimeOffset GeneratedAt,
    ReportPeriod Period,
    SourceResult<UsageSummary> Usage,
    SourceResult<LedgerReport> Ledger,
    SourceResult<ScanSummary> Scan);
