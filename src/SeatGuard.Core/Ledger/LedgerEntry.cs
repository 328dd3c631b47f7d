namespace SeatGuard.Core.Ledger;

/// <summary>One launch of Claude Code through SeatGuard. Holds fingerprints, never credentials.</summary>
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
    /// <summary>The verdict recorded for a launch whose bill was not proven from its events (no stream-json).</summary>
    public static string Planned(SeatGuard.Core.Credentials.Billing billing) => SeatGuard.Core.Credentials.BillingNames.Name(billing) + PlannedSuffix;

    /// <summary>Marks a verdict that was planned, not proven from events.</summary>
    public const string PlannedSuffix = " (planned)";

    /// <summary>The verdict without the "(planned)" mark: a planned subscription launch counts as subscription.</summary>
    public string Billing => Verdict.EndsWith(PlannedSuffix, StringComparison.Ordinal) ? Verdict[..^PlannedSuffix.Length] : Verdict;
}
