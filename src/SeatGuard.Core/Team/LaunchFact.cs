namespace SeatGuard.Core.Team;

/// <summary>
/// One ledger launch as the team store keeps it: who it ran for, which bill it hit, the keyed fingerprint of the
/// credential (<c>hmac:…</c>, never the credential), overage and cost. No command line, directory or session text.
/// </summary>
/// <param name="LedgerId">The row's id in the machine's ledger (with <see cref="Time"/>, its key in the store).</param>
/// <param name="Day">The launch's date in the machine's time zone (the day <c>usage daily</c> would count it on).</param>
/// <param name="Time">When the launch started (with <see cref="LedgerId"/>, its key in the store).</param>
/// <param name="Owner">The seat owner the launch was recorded under (<c>owner</c> in config.json, else the OS user; scrubbed).</param>
/// <param name="Beneficiary">Who the run was for (scrubbed).</param>
/// <param name="Mode">The launch mode (the billing source asked for).</param>
/// <param name="Verdict">The billing verdict without the "(planned)" mark; <see cref="Proven"/> tells which it was.</param>
/// <param name="Proven">True when the verdict was proven at launch, false when only planned.</param>
/// <param name="CredentialKind">The kind of credential used (subscription login, API key …).</param>
/// <param name="CredentialSource">Where the credential came from (home directory shown as <c>~</c>).</param>
/// <param name="Fingerprint">The credential's fingerprint keyed with the team key (<c>hmac:…</c>); null when there is none.</param>
/// <param name="Forced">True when the launch went ahead with <c>--force</c> although policy said no.</param>
/// <param name="Overage">True when the launch drew on overage (extra usage past the plan's limits), as far as the ledger recorded it.</param>
/// <param name="CostUsd">The API-equivalent cost in US dollars; null when unknown.</param>
/// <param name="InputTokens">Input tokens used.</param>
/// <param name="OutputTokens">Output tokens used.</param>
/// <param name="CacheCreationTokens">Tokens written to the prompt cache.</param>
/// <param name="CacheReadTokens">Tokens read from the prompt cache.</param>
/// <param name="RateLimitType">The rate limit the run reported, if any.</param>
/// <param name="RateLimitStatus">The rate limit status the run reported, if any.</param>
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
