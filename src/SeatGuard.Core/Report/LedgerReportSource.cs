using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Report;

/// <summary>Reads the launches of the period from SeatGuard's ledger database (never creates one).</summary>
public sealed class LedgerReportSource(string path) : ILedgerReportSource
{
    private const string HowToRecord = "SeatGuard records a launch each time you start Claude Code with `seatguard run -- …` or check it with `seatguard verify`.";

    /// <summary>The ledger at its default path on this host.</summary>
    public static LedgerReportSource ForHost(HostContext host) => new(LedgerStore.DefaultPath(host));

    /// <inheritdoc />
    public SourceResult<LedgerReport> Load(ReportPeriod period)
    {
        if (!File.Exists(path)) return SourceResult<LedgerReport>.None($"No launches have been recorded yet (no ledger at {path}).", HowToRecord);
        IReadOnlyList<LedgerEntry> entries;
        try
        {
            using var store = LedgerStore.Open(path);
            entries = store.List(period.Start);
        }
        catch (LedgerException e)
        {
            return SourceResult<LedgerReport>.None(e.Message, "Launches recorded from now on go into the new ledger.");
        }
        var launches = entries.Where(e => period.Contains(e.Time))
            .Select(e => new LaunchRecord(e.Time, e.Beneficiary, e.Owner, BillingNames.TryParse(e.Billing, out Billing b) ? b : Billing.Unknown, e.Mode, e.CredentialKind, ReportText.Scrub(e.Command), e.CostUsd, e.Forced))
            .ToList();
        return launches.Count == 0
            ? SourceResult<LedgerReport>.None($"No launches were recorded in this period (ledger: {path}).", HowToRecord)
            : SourceResult<LedgerReport>.Found(new LedgerReport(path, launches));
    }
}
