using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>The ledger's launches in the period, and where the ledger lives.</summary>
public sealed record LedgerReport(string Path, IReadOnlyList<LaunchRecord> Launches)
{
    /// <summary>The plan's own windows (5h, 7d, …) as the period's recorded rate-limit events last reported them.</summary>
    public IReadOnlyList<SeatGuard.Core.Ledger.PlanWindowState> PlanWindows { get; init; } = [];
}
