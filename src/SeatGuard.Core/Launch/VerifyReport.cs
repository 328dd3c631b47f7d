using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>The verdict a run's own stream-json events prove, and the facts behind it.</summary>
public sealed record VerifyReport(
    Billing Verdict,
    string? ApiKeySource,
    string? RateLimitType,
    string? Status,
    string? ResetsAt,
    bool? OverageInUse,
    string? ClaudeVersion,
    string? Model,
    double? CostUsd,
    string Evidence);
