using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Report;

/// <summary>The ledger's launches in the period, and where the ledger lives.</summary>
public sealed record LedgerReport(string Path, IReadOnlyList<LaunchRecord> Launches);
