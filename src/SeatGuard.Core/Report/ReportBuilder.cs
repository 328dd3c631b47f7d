namespace SeatGuard.Core.Report;

/// <summary>Collects a report's data from its sources.</summary>
public sealed class ReportBuilder(IUsageReportSource usage, ILedgerReportSource ledger, IScanReportSource scan)
{
    /// <summary>Gathers every section's data for the period.</summary>
    public ReportData Build(ReportPeriod period, DateTimeOffset now) =>
        new(now, period, usage.Load(period), ledger.Load(period), scan.Load());
}
