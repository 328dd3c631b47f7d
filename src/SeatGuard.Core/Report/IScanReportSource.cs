namespace SeatGuard.Core.Report;

/// <summary>The latest repository scan's findings, counted by rule and tier.</summary>
public interface IScanReportSource
{
    SourceResult<ScanSummary> Load();
}
