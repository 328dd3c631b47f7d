namespace SeatGuard.Core.Credentials;

/// <summary>Which credential wins, which are shadowed, and what else travels on the same request — for one way of starting Claude Code.</summary>
public sealed record BillingResolution(
    Billing Verdict,
    CredentialRef Winner,
    IReadOnlyList<CredentialRef> Shadowed,
    IReadOnlyList<CredentialRef> AlsoSent,
    InteractiveNote? Interactive)
{
    /// <summary>The way of starting Claude Code this answer is for.</summary>
    public StartMode Mode { get; init; } = StartMode.Print;

    /// <summary>Why Claude Code sends nothing although a credential is configured (a managed policy, a broken file), or null.</summary>
    public string? Refusal { get; init; }

    /// <summary>The credential Claude Code would have used had it not refused.</summary>
    public CredentialRef? Refused { get; init; }
}
