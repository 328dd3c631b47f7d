using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>How a run ended: the exit code to return, the plan, the observed verdict, a refusal, the ledger row.</summary>
public sealed record RunOutcome(int ExitCode, LaunchPlan? Plan, VerifyReport? Verdict, string? Refusal, bool Mismatch, long? LedgerId, string? LedgerWarning);
