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
    bool? OverageInUse);
