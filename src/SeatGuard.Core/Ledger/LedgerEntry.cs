using System.Text.Json.Serialization;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Ledger;

/// <summary>
/// One launch of Claude Code through SeatGuard. Holds fingerprints, never credentials; prompts only as a length and
/// a fingerprint unless the user opted in. <see cref="ExitCode"/> is Claude Code's own exit code, <see cref="SeatGuardExit"/>
/// what SeatGuard returned (they differ when SeatGuard decided: a stop, a mismatch, a signal).
/// </summary>
public sealed record LedgerEntry(
    long Id,
    DateTimeOffset Time,
    string Command,
    string Cwd,
    string Beneficiary,
    string Owner,
    string Mode,
    string CredentialKind,
    string CredentialSource,
    string? CredentialFingerprint,
    string Verdict,
    int? ExitCode,
    string? SessionId,
    double? CostUsd,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    bool Forced,
    string? Warning,
    string? RateLimitType,
    string? RateLimitStatus,
    double? Utilization,
    bool? OverageInUse)
{
    /// <summary>Every model the run used (init, messages, result), in first-seen order.</summary>
    public IReadOnlyList<string> Models { get; init; } = [];

    /// <summary>The API request ids Claude Code reported.</summary>
    public IReadOnlyList<string> RequestIds { get; init; } = [];

    /// <summary>Every rate-limit event of the run, in order.</summary>
    public IReadOnlyList<RateLimitEvent> RateLimitEvents { get; init; } = [];

    /// <summary>An event showed the usage-credit (overage) pool in use, or a window rejected (what the tripwire acts on).</summary>
    public bool Overage { get; init; }

    /// <summary>
    /// The launch drew the usage-credit (overage) pool, billed at API rates: one of its rate-limit events had
    /// <c>overageInUse</c> or <c>isUsingOverage</c> true (<see cref="RateLimitEvent.DrawsCredits"/>), or, for a row without
    /// recorded events (schema 1), its <see cref="OverageInUse"/> column says so. A rejected window alone is not a draw.
    /// </summary>
    [JsonIgnore]
    public bool DrewUsageCredits => OverageInUse == true || RateLimitEvents.Any(ev => ev.DrawsCredits);

    /// <summary>Why SeatGuard stopped Claude Code (<c>overage</c>, <c>usage-credits</c>, <c>signal:SIGTERM</c>, <c>timeout</c>), or null.</summary>
    public string? StoppedBy { get; init; }

    /// <summary>The exit code SeatGuard returned for this launch, or null for rows written before it was recorded.</summary>
    public int? SeatGuardExit { get; init; }

    /// <summary>What <c>--model-policy</c> decided, or null.</summary>
    public string? ModelDecision { get; init; }

    /// <summary>The verdict recorded for a launch whose bill was not proven from its events (no stream-json).</summary>
    public static string Planned(SeatGuard.Core.Credentials.Billing billing) => SeatGuard.Core.Credentials.BillingNames.Name(billing) + PlannedSuffix;

    /// <summary>Marks a verdict that was planned, not proven from events.</summary>
    public const string PlannedSuffix = " (planned)";

    /// <summary>The verdict without the "(planned)" mark: a planned subscription launch counts as subscription.</summary>
    public string Billing => Verdict.EndsWith(PlannedSuffix, StringComparison.Ordinal) ? Verdict[..^PlannedSuffix.Length] : Verdict;
}
