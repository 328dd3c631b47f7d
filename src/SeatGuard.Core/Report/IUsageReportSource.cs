namespace SeatGuard.Core.Report;

// The seams through which the report gets its data. Each source answers with data or with a plain
// explanation of what is missing and how to get it; the page shows either. See docs/report.md.
/// <summary>Daily tokens and cost by model, 5-hour blocks, and the month's API-equivalent cost (from transcripts).</summary>
public interface IUsageReportSource
{
    /// <summary>The usage in the period, or why there is none.</summary>
    SourceResult<UsageSummary> Load(ReportPeriod period);
}
