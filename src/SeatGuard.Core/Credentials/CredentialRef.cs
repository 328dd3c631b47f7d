namespace SeatGuard.Core.Credentials;

/// <summary>A credential as SeatGuard may show it: kind, where it comes from, a fingerprint — never the value.</summary>
public sealed record CredentialRef(CredentialKind Kind, CredentialSource Source, string? Fingerprint)
{
    /// <summary>No credential.</summary>
    public static readonly CredentialRef Nothing = new(CredentialKind.None, CredentialSource.None, null);

    /// <summary>Who this credential bills.</summary>
    public Billing Billing => BillingNames.ForKind(Kind);
}
