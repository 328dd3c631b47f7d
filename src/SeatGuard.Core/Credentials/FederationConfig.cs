namespace SeatGuard.Core.Credentials;

/// <summary>
/// Workload identity federation configured through variables: Claude Code federates when both
/// <c>ANTHROPIC_FEDERATION_RULE_ID</c> and <c>ANTHROPIC_ORGANIZATION_ID</c> are set (non-blank), exchanging the
/// identity token (<c>ANTHROPIC_IDENTITY_TOKEN</c>, or the file named by <c>ANTHROPIC_IDENTITY_TOKEN_FILE</c>) at
/// <c>/v1/oauth/token</c> for a short-lived bearer bound to a service account of that organization. Measured on
/// 2.1.330 and 2.1.332: it ranks above the /login credentials; without a usable identity token Claude Code sends
/// nothing (it fails, or hangs when the token file is missing).
/// </summary>
public sealed record FederationConfig(CredentialSource Source, bool HasIdentityToken, string? IdentityTokenFile)
{
    /// <summary>Configured, but Claude Code cannot get a token: nothing is sent.</summary>
    public bool Broken => !HasIdentityToken;
}
