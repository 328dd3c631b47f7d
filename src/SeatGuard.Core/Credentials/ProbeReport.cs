using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

/// <summary>What the loopback probe observed from the real Claude Code.</summary>
public sealed record ProbeReport(
    string? ClaudeVersion,
    string? ApiKeySource,
    CredentialKind Observed,
    string? ObservedFingerprint,
    bool Agrees,
    bool RateLimitEvent,
    string? Error)
{
    /// <summary>A second credential on the same request (kind), or null.</summary>
    public CredentialKind? SecondCredential { get; init; }

    /// <summary>The request reached SeatGuard's own listener (false: nothing was sent, or it went elsewhere).</summary>
    public bool ReachedListener { get; init; }

    /// <summary>The credential on the wire was empty (a failing apiKeyHelper).</summary>
    public bool EmptyCredential { get; init; }

    /// <summary>False when the repository's apiKeyHelper was replaced by a stand-in instead of being run.</summary>
    public bool HelperRun { get; init; } = true;

    /// <summary>What the probe noticed beyond the verdict (each becomes a doctor finding).</summary>
    public IReadOnlyList<ProbeNote> Notes { get; init; } = [];
}
