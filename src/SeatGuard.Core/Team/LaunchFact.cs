namespace SeatGuard.Core.Team;

/// <summary>
/// One ledger launch as the team store keeps it: who it ran for, which bill it hit, the keyed fingerprint of the
/// credential (<c>hmac:…</c>, never the credential), overage and cost. No command line, directory or session text.
/// </summary>
/// <param name="LedgerId">The row's id in the machine's ledger (with <see cref="Time"/>, its key in the store).</param>
/// <param name="Day">The launch's date in the machine's time zone (the day <c>usage daily</c> would count it on).</param>
/// <param name="Verdict">The billing verdict without the "(planned)" mark; <see cref="Proven"/> tells which it was.</param>
public sealed record LaunchFact(
    long LedgerId,
    DateTimeOffset Time,
    DateOnly Day,
    string Owner,
    string Beneficiary,
    string Mode,
    string Verdict,
    bool Proven,
    string CredentialKind,
    string CredentialSource,
    string? Fingerprint,
    bool Forced,
    bool Overage,
    double? CostUsd,
    long InputTokens,
    long OutputTokens,
    long CacheCreationTokens,
    long CacheReadTokens,
    string? RateLimitType,
    string? RateLimitStatus);
