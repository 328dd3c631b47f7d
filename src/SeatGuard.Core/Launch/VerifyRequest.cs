namespace SeatGuard.Core.Launch;

/// <summary>What <c>seatguard verify</c> is asked: the claude to run, a launch plan (or the environment as it is), how long to wait.</summary>
public sealed record VerifyRequest(string ClaudeExecutable, LaunchPlan? Plan, string? ConfigDir, TimeSpan Timeout)
{
    /// <summary><c>--on-overage</c>; null: stop in subscription mode.</summary>
    public OverageAction? OnOverage { get; init; }

    /// <summary><c>--no-ledger</c>.</summary>
    public bool NoLedger { get; init; }

    /// <summary>How long Claude Code gets after each stop signal before the next one.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);
}
