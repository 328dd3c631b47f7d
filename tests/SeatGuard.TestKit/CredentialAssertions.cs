using SeatGuard.Core.Credentials;

namespace SeatGuard.TestKit;

/// <summary>A credential as the CLI contract shows it: kind, source string, fingerprint.</summary>
public static class CredentialAssertions
{
    public static (CredentialKind Kind, string Source, string? Fingerprint) Contract(this CredentialRef c) => (c.Kind, c.Source.ToString(), c.Fingerprint);
}
