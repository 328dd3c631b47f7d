using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>The result of <c>seatguard verify</c>: the verdict, what Claude Code printed, and the ledger row.</summary>
public sealed record VerifyOutcome(VerifyReport Report, StreamObservation Observation, CommandResult Result, string? LedgerWarning);
