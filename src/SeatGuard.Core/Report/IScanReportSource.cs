namespace SeatGuard.Core.Report;

/// <summary>The latest repository scan's findings, counted by rule and tier.</summary>
public interface IScanReportSource
{
    /// <summary>The scan summary, or why there is none.</summary>
    SourceResult<ScanSummary> Load();
}
