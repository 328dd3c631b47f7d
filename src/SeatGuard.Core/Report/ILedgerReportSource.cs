namespace SeatGuard.Core.Report;

/// <summary>The launches SeatGuard recorded in the period.</summary>
public interface ILedgerReportSource
{
    /// <summary>The launches in the period, or why there are none.</summary>
    SourceResult<LedgerReport> Load(ReportPeriod period);
}
