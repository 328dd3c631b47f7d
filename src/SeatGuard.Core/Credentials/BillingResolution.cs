namespace SeatGuard.Core.Credentials;

/// <summary>Which credential wins, which are shadowed, and what else travels on the same request.</summary>
public sealed record BillingResolution(
    Billing Verdict,
    CredentialRef Winner,
    IReadOnlyList<CredentialRef> Shadowed,
    IReadOnlyList<CredentialRef> AlsoSent,
    InteractiveNote? Interactive);
