using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>What <c>seatguard verify</c> is asked: the claude to run, a launch plan (or the environment as it is), how long to wait.</summary>
public sealed record VerifyRequest(string ClaudeExecutable, LaunchPlan? Plan, string? ConfigDir, TimeSpan Timeout);
