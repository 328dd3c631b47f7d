namespace SeatGuard.Core.Credentials;

/// <summary>
/// Claude Code's credential precedence, as measured against the real CLI (see docs/credentials.md
/// and the interop tests), highest first:
/// cloud-provider flag → ANTHROPIC_API_KEY (env or any settings env block; settings beat the process
/// environment; local &gt; project &gt; user) → apiKeyHelper → ANTHROPIC_AUTH_TOKEN →
/// CLAUDE_CODE_OAUTH_TOKEN → /login credentials (with user:inference) or macOS keychain →
/// a Console-managed primaryApiKey in ~/.claude.json.
/// </summary>
public static class BillingResolver
{
    /// <summary>Applies Claude Code's measured precedence to the inventory: the winning credential, the shadowed ones, a second credential that travels along, and how an interactive session would differ.</summary>
    public static BillingResolution Resolve(CredentialInventory inv)
    {
        var candidates = Candidates(inv).ToList();
        var winner = candidates.Count > 0 ? candidates[0] : CredentialRef.Nothing;
        var shadowed = candidates.Skip(1).ToArray();
        var alsoSent = AlsoSent(inv, winner);
        return new BillingResolution(winner.Billing, winner, shadowed, alsoSent, Interactive(inv, candidates));
    }

    /// <summary>Every credential present, in precedence order (the first one is used by <c>claude -p</c>).</summary>
    public static IEnumerable<CredentialRef> Candidates(CredentialInventory inv)
    {
        if (inv.CloudFlag is { } flag)
            yield return new CredentialRef(CredentialKind.Cloud, inv.Effective[flag].Source, null);
        if (inv.Active(BillingVariables.ApiKey) is { } key)
            yield return new CredentialRef(CredentialKind.ApiKey, key.Source, key.Fingerprint);
        if (inv.Helper is { } helper)
            yield return new CredentialRef(CredentialKind.ApiKeyHelper, helper.Source, null);
        if (inv.Active(BillingVariables.AuthToken) is { } auth)
            yield return new CredentialRef(CredentialKind.AuthToken, auth.Source, auth.Fingerprint);
        if (inv.Active(BillingVariables.OAuthToken) is { } oauth)
            yield return new CredentialRef(CredentialKind.OAuthToken, oauth.Source, oauth.Fingerprint);
        if (inv.Login is { Usable: true } login)
            yield return new CredentialRef(CredentialKind.Login, CredentialSource.File(login.Path), login.AccessTokenFingerprint);
        else if (inv.KeychainItemPresent)
            yield return new CredentialRef(CredentialKind.Login, CredentialSource.Keychain, null);
        if (inv.GlobalState.PrimaryApiKeyFingerprint is { } primary)
            yield return new CredentialRef(CredentialKind.ApiKey, CredentialSource.File(inv.GlobalState.Path), primary);
    }

    /// <summary>
    /// Measured combinations that put a second credential on the same request: API key + auth token,
    /// API key + helper (helper key as bearer), helper + auth token.
    /// </summary>
    private static IReadOnlyList<CredentialRef> AlsoSent(CredentialInventory inv, CredentialRef winner)
    {
        var list = new List<CredentialRef>();
        if (winner.Kind == CredentialKind.ApiKey && winner.Source.IsFile) return list;
        if (winner.Kind is CredentialKind.ApiKey or CredentialKind.ApiKeyHelper)
        {
            if (inv.Active(BillingVariables.AuthToken) is { } auth)
                list.Add(new CredentialRef(CredentialKind.AuthToken, auth.Source, auth.Fingerprint));
            else if (winner.Kind == CredentialKind.ApiKey && inv.Helper is { } helper)
                list.Add(new CredentialRef(CredentialKind.ApiKeyHelper, helper.Source, null));
        }
        return list;
    }

    /// <summary>
    /// Interactive sessions use an ANTHROPIC_API_KEY only once the user approved it; a rejected key is skipped.
    /// Returns a note only when the interactive answer differs from (or may differ from) <c>claude -p</c>'s.
    /// </summary>
    private static InteractiveNote? Interactive(CredentialInventory inv, List<CredentialRef> candidates)
    {
        if (candidates.Count == 0 || candidates[0].Kind != CredentialKind.ApiKey || candidates[0].Source.IsFile)
            return null;
        var next = candidates.Count > 1 ? candidates[1] : CredentialRef.Nothing;
        return inv.ApiKeyApproval switch
        {
            ApiKeyApproval.Rejected => new InteractiveNote(next.Billing, next,
                "You once declined this API key in an interactive session, so interactive sessions skip it; `claude -p` and scripts still use it."),
            ApiKeyApproval.NotYetAsked => new InteractiveNote(next.Billing, next,
                "An interactive session will first ask whether to use this API key; if you decline, it uses the next credential. `claude -p` and scripts use it without asking."),
            _ => null,
        };
    }
}
