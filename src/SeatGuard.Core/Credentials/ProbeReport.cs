namespace SeatGuard.Core.Credentials;

/// <summary>What the loopback probe observed from the real Claude Code.</summary>
public sealed record ProbeReport(
    string? ClaudeVersion,
    string? ApiKeySource,
    CredentialKind Observed,
    string? ObservedFingerprint,
    bool Agrees,
    bool RateLimitEvent,
    string? Error);
