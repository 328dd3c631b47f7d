namespace SeatGuard.Core.Report;

/// <summary>The launches SeatGuard recorded in the period.</summary>
public interface ILedgerReportSource
{
    SourceResult<LedgerReport> Load(ReportPeriod period);
}
