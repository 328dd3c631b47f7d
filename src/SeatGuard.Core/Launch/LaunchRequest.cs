using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>What was asked for: mode (null: what the beneficiary policy allows), beneficiary, override, and the claude command line.</summary>
public sealed record LaunchRequest(Billing? Mode, string? For, bool Force, string ClaudeExecutable, IReadOnlyList<string> ClaudeArguments, string? ConfigDir)
{
    /// <summary><c>--on-overage</c>; null: stop in subscription mode (<see cref="LaunchGuard.DefaultFor"/>).</summary>
    public OverageAction? OnOverage { get; init; }

    /// <summary><c>--allow-usage-credits</c>: a subscription launch may use a model or mode that bills usage credits.</summary>
    public bool AllowUsageCredits { get; init; }

    /// <summary><c>--model-policy FILE</c>, or null (off).</summary>
    public string? ModelPolicyFile { get; init; }

    /// <summary><c>--no-ledger</c>: launch without recording, explicitly (a forced launch otherwise needs a usable ledger).</summary>
    public bool NoLedger { get; init; }

    /// <summary>Launched by the <c>claude</c> shim: a refusal or stop also reaches a stream-json reader as a <c>result</c> line.</summary>
    public bool Shim { get; init; }

    /// <summary>How long Claude Code gets after each signal SeatGuard sends before the next, stronger one.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(5);
}
