namespace SeatGuard.Core.Launch;

/// <summary>How a run ended: the exit code to return, the plan, the observed verdict, a refusal, the ledger row.</summary>
public sealed record RunOutcome(int ExitCode, LaunchPlan? Plan, VerifyReport? Verdict, string? Refusal, bool Mismatch, long? LedgerId, string? LedgerWarning)
{
    /// <summary>Claude Code's own exit code (null when nothing was launched).</summary>
    public int? ClaudeExit { get; init; }

    /// <summary>Why SeatGuard stopped Claude Code (<c>overage</c>, <c>usage-credits</c>, <c>signal:SIGTERM</c>), or null.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The one line that says what the stop was and how to allow it.</summary>
    public string? StopMessage { get; init; }

    /// <summary>An event showed the usage-credit pool in use or a window rejected.</summary>
    public bool Overage { get; init; }

    /// <summary>What <c>--model-policy</c> decided, or null.</summary>
    public ModelDecision? ModelDecision { get; init; }

    /// <summary>Usage-credit rules that apply but do not block (after an allowance, uncertain, or allowed).</summary>
    public IReadOnlyList<UsageCreditFinding> UsageCredits { get; init; } = [];

    /// <summary>The launch was not recorded because of <c>--no-ledger</c>.</summary>
    public bool Unrecorded { get; init; }

    /// <summary>The exit code is SeatGuard's own decision (refusal, mismatch, stop, signal), not Claude Code's.</summary>
    public bool ExitBySeatGuard => Refusal is not null || Mismatch || StoppedBy is not null || ClaudeExit is null || ClaudeExit != ExitCode;
}
