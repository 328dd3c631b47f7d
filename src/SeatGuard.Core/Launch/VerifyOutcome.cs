using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Launch;

/// <summary>The result of <c>seatguard verify</c>: the verdict, what Claude Code printed, and the ledger row.</summary>
public sealed record VerifyOutcome(VerifyReport Report, StreamObservation Observation, CommandResult Result, string? LedgerWarning)
{
    /// <summary>Why SeatGuard stopped Claude Code (<c>overage</c>, <c>timeout</c>, <c>signal:SIGTERM</c>), or null.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The one line that says what the overage stop was and how to allow it.</summary>
    public string? StopMessage { get; init; }

    /// <summary>An event showed the usage-credit pool in use or a window rejected.</summary>
    public bool Overage { get; init; }

    /// <summary>Lines the overage guard had to say that did not stop the run.</summary>
    public IReadOnlyList<string> Notices { get; init; } = [];

    /// <summary>The signal SeatGuard received during the request, or null (exit 128 + its number).</summary>
    public ChildSignal? Signal { get; init; }

    /// <summary>Refused before anything was sent (a forced verify with an unusable ledger).</summary>
    public string? Refusal { get; init; }
}
