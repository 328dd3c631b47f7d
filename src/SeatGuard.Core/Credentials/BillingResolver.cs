namespace SeatGuard.Core.Credentials;

/// <summary>
/// Claude Code's credential choice, as measured against the real CLI (2.1.330 and 2.1.332; see docs/credentials.md,
/// the interop tests and <c>seatguard doctor --probe --matrix</c>). Claude Code fills two headers:
/// <list type="number">
/// <item>The Cloud gateway (<c>CLAUDE_CODE_USE_GATEWAY</c> + <c>ANTHROPIC_AUTH_TOKEN</c> + base URL) sends only that token;
/// otherwise a provider switch (Bedrock, Foundry, Claude Platform on AWS / Google Cloud, Mantle, Vertex) routes to that cloud.</item>
/// <item><c>x-api-key</c>: <c>ANTHROPIC_API_KEY</c> (settings beat the environment) → the key descriptor → the cloud
/// sessions' key file → the apiKeyHelper → a Console-managed <c>primaryApiKey</c> (only when no subscription token exists).</item>
/// <item><c>Authorization</c>: <c>ANTHROPIC_AUTH_TOKEN</c> → the apiKeyHelper's key.</item>
/// <item>Only when neither header is filled, an OAuth bearer: <c>CLAUDE_CODE_OAUTH_TOKEN</c> → the token descriptor → the cloud
/// sessions' token file → an explicit <c>ant</c> profile → federation → /login (file or keychain) → the implicit profile.</item>
/// </list>
/// Under <c>--bare</c> (or <c>CLAUDE_CODE_SIMPLE</c>) only the API key, the auth token, a <c>--settings</c> helper, the
/// gateway and provider switches count. Managed <c>forceLoginMethod</c>/<c>forceLoginOrgUUID</c> refuse keys and tokens.
/// </summary>
public static class BillingResolver
{
    /// <summary>Applies Claude Code's measured precedence to the inventory for <c>claude -p</c>: the winning credential, the shadowed ones, a second credential that travels along, and how an interactive session would differ.</summary>
    public static BillingResolution Resolve(CredentialInventory inv) => Resolve(inv, StartMode.Print);

    /// <summary>Applies Claude Code's measured precedence to the inventory for the given start mode.</summary>
    public static BillingResolution Resolve(CredentialInventory inv, StartMode mode)
    {
        bool bare = mode == StartMode.Bare || inv.SimpleMode;
        var present = Present(inv, bare).ToList();
        var (winner, alsoSent, refusal) = Choose(inv, bare);

        if (refusal is null && Policy(inv, winner) is { } policyRefusal) refusal = policyRefusal;
        if (refusal is null && inv.BrokenManagedLayer is { } broken)
            refusal = $"the managed settings file {broken.Path} cannot be read ({broken.Error}); Claude Code refuses to start until it is fixed or removed";
        if (refusal is null && inv.GlobalState.Corrupted is { } corrupted)
            refusal = $"{inv.GlobalState.Path} is not valid JSON ({corrupted}); Claude Code refuses to start (\"configuration file is corrupted\")";

        var used = new List<CredentialRef> { winner };
        used.AddRange(alsoSent);
        var shadowed = present.Where(c => !used.Any(u => Same(u, c))).ToList();
        CredentialRef? refused = null;
        if (refusal is not null && winner.Kind != CredentialKind.None)
        {
            refused = winner;
            shadowed.Insert(0, winner);
            shadowed.InsertRange(1, alsoSent);
            (winner, alsoSent) = (CredentialRef.Nothing, []);
        }
        var interactive = mode == StartMode.Bare || refusal is not null ? null : Interactive(inv, winner);
        var resolution = new BillingResolution(winner.Billing, winner, shadowed, alsoSent, interactive) { Mode = mode, Refusal = refusal, Refused = refused };
        if (mode == StartMode.Interactive && interactive is { } note && inv.ApiKeyApproval == ApiKeyApproval.Rejected)
            resolution = resolution with { Verdict = note.Verdict, Winner = note.Credential, Shadowed = [winner, .. shadowed.Where(s => !Same(s, note.Credential))], AlsoSent = [] };
        return resolution;
    }

    /// <summary>Every credential present, in precedence order (the first one is used by <c>claude -p</c>).</summary>
    public static IEnumerable<CredentialRef> Candidates(CredentialInventory inv)
    {
        var r = Resolve(inv);
        if (r.Winner.Kind != CredentialKind.None) yield return r.Winner;
        foreach (var c in r.AlsoSent) yield return c;
        foreach (var c in r.Shadowed) yield return c;
    }

    private static (CredentialRef Winner, IReadOnlyList<CredentialRef> AlsoSent, string? Refusal) Choose(CredentialInventory inv, bool bare, bool skipApiKey = false)
    {
        if (inv.GatewayMode) return (AuthToken(inv)!, [], null);
        if (inv.CloudFlag is { } flag) return (Cloud(inv, flag), [], null);

        var apiKey = skipApiKey ? null : ApiKey(inv);
        var auth = AuthToken(inv);
        CredentialRef? helper = (bare ? inv.FlagHelper : inv.Helper) is { } h ? new CredentialRef(CredentialKind.ApiKeyHelper, h.Source, null) : null;
        CredentialRef? keyDescriptor = null, remoteKey = null, oauthEnv = null, tokenDescriptor = null, remoteToken = null, login = null, primary = null;
        bool explicitProfile = false;
        if (!bare)
        {
            keyDescriptor = Descriptor(inv, BillingVariables.ApiKeyFd, CredentialKind.ApiKey);
            remoteKey = inv.RemoteApiKey is { } rk ? new CredentialRef(CredentialKind.ApiKey, rk.Source, rk.Fingerprint) : null;
            oauthEnv = inv.Active(BillingVariables.OAuthToken) is { } o ? new CredentialRef(CredentialKind.OAuthToken, o.Source, o.Fingerprint) : null;
            tokenDescriptor = Descriptor(inv, BillingVariables.OAuthTokenFd, CredentialKind.OAuthToken);
            remoteToken = inv.RemoteOAuthToken is { } rt ? new CredentialRef(CredentialKind.OAuthToken, rt.Source, rt.Fingerprint) : null;
            explicitProfile = inv.Profile is { Explicit: true, Usable: true };
            login = explicitProfile ? null : Login(inv);
            var subscriber = oauthEnv ?? tokenDescriptor ?? remoteToken ?? login;
            primary = subscriber is null ? Primary(inv) : null;
        }

        var keySlot = apiKey ?? keyDescriptor ?? remoteKey ?? helper ?? primary;
        var bearerSlot = auth ?? helper;
        var custom = CustomHeaders(inv);
        if (keySlot is not null || bearerSlot is not null)
        {
            if (custom.Authorization is not null) bearerSlot = custom.Authorization;
            var winner = keySlot ?? bearerSlot!;
            var also = new List<CredentialRef>();
            if (keySlot is not null && bearerSlot is not null && !Same(keySlot, bearerSlot)) also.Add(bearerSlot);
            if (custom.ApiKey is not null && keySlot is not null) also.Add(custom.ApiKey);
            else if (custom.ApiKey is not null) { also.Insert(0, winner); winner = custom.ApiKey; }
            return (winner, also, null);
        }
        if (bare) return custom.ApiKey is not null ? (custom.ApiKey, [], null) : (CredentialRef.Nothing, [], null);

        // An OAuth bearer.
        CredentialRef? bearer = oauthEnv ?? tokenDescriptor ?? remoteToken;
        string? refusal = null;
        if (bearer is null && explicitProfile) (bearer, refusal) = Profile(inv.Profile!);
        if (bearer is null && refusal is null && inv.Federation is { } fed)
        {
            if (fed.Broken) refusal = "workload identity federation is configured (ANTHROPIC_FEDERATION_RULE_ID, ANTHROPIC_ORGANIZATION_ID) without a usable identity token, so Claude Code cannot get a token and sends nothing";
            else bearer = new CredentialRef(CredentialKind.Federation, fed.Source, null);
        }
        // An implicit oidc_federation profile federates before /login; an implicit user_oauth profile only counts without /login.
        if (bearer is null && refusal is null && inv.Profile is { Explicit: false, Usable: true, Kind: CredentialKind.Federation } implicitFederation) (bearer, refusal) = Profile(implicitFederation);
        bearer ??= refusal is null ? Login(inv) : null;
        if (bearer is null && refusal is null && inv.Profile is { Explicit: false, Usable: true } implicitProfile) (bearer, refusal) = Profile(implicitProfile);
        if (bearer is null) return (CredentialRef.Nothing, [], refusal);
        if (custom.Authorization is not null) bearer = custom.Authorization;
        if (custom.ApiKey is not null) return (custom.ApiKey, [bearer], null);
        return (bearer, [], null);
    }

    private static (CredentialRef? Bearer, string? Refusal) Profile(AnthropicProfile p)
    {
        if (p.Broken) return (null, $"the ant profile '{p.Name}' is picked but unusable: {p.BrokenReason}; Claude Code retries and sends nothing");
        return (new CredentialRef(p.Kind, CredentialSource.File(p.Kind == CredentialKind.Federation ? p.ConfigPath : p.CredentialsPath), p.AccessTokenFingerprint), null);
    }

    /// <summary>Every credential present in this mode, in a stable display order.</summary>
    private static IEnumerable<CredentialRef> Present(CredentialInventory inv, bool bare)
    {
        if (inv.CloudFlag is { } flag) yield return Cloud(inv, flag);
        if (ApiKey(inv) is { } key) yield return key;
        if (inv.Helper is { } h && (!bare || inv.FlagHelper == h)) yield return new CredentialRef(CredentialKind.ApiKeyHelper, h.Source, null);
        if (AuthToken(inv) is { } auth) yield return auth;
        var custom = CustomHeaders(inv);
        if (custom.ApiKey is not null) yield return custom.ApiKey;
        if (custom.Authorization is not null) yield return custom.Authorization;
        if (bare) yield break;
        if (Descriptor(inv, BillingVariables.ApiKeyFd, CredentialKind.ApiKey) is { } kd) yield return kd;
        if (inv.RemoteApiKey is { } rk) yield return new CredentialRef(CredentialKind.ApiKey, rk.Source, rk.Fingerprint);
        if (inv.Active(BillingVariables.OAuthToken) is { } o) yield return new CredentialRef(CredentialKind.OAuthToken, o.Source, o.Fingerprint);
        if (Descriptor(inv, BillingVariables.OAuthTokenFd, CredentialKind.OAuthToken) is { } td) yield return td;
        if (inv.RemoteOAuthToken is { } rt) yield return new CredentialRef(CredentialKind.OAuthToken, rt.Source, rt.Fingerprint);
        if (inv.Profile is { Usable: true, Broken: false } p) yield return Profile(p).Bearer!;
        if (inv.Federation is { Broken: false } fed) yield return new CredentialRef(CredentialKind.Federation, fed.Source, null);
        if (Login(inv) is { } login) yield return login;
        if (Primary(inv) is { } primary) yield return primary;
    }

    private static CredentialRef Cloud(CredentialInventory inv, string flag) => new(CredentialKind.Cloud, inv.Effective[flag].Source, null);

    private static CredentialRef? ApiKey(CredentialInventory inv) =>
        inv.Active(BillingVariables.ApiKey) is { } k ? new CredentialRef(CredentialKind.ApiKey, k.Source, k.Fingerprint) : null;

    private static CredentialRef? AuthToken(CredentialInventory inv) =>
        inv.Active(BillingVariables.AuthToken) is { } a ? new CredentialRef(CredentialKind.AuthToken, a.Source, a.Fingerprint) : null;

    private static CredentialRef? Descriptor(CredentialInventory inv, string variable, CredentialKind kind) =>
        inv.Descriptor(variable) is { } d ? new CredentialRef(kind, d.Source, null) : null;

    private static CredentialRef? Login(CredentialInventory inv) =>
        inv.Login is { Usable: true } login ? new CredentialRef(CredentialKind.Login, CredentialSource.File(login.Path), login.AccessTokenFingerprint)
        : inv.KeychainItemPresent ? new CredentialRef(CredentialKind.Login, CredentialSource.Keychain, null)
        : null;

    private static CredentialRef? Primary(CredentialInventory inv) =>
        inv.GlobalState.PrimaryApiKeyFingerprint is { } primary ? new CredentialRef(CredentialKind.ApiKey, CredentialSource.File(inv.GlobalState.Path), primary) : null;

    private static (CredentialRef? ApiKey, CredentialRef? Authorization) CustomHeaders(CredentialInventory inv)
    {
        var source = inv.Active(BillingVariables.CustomHeaders)?.Source;
        if (source is null) return (null, null);
        var key = inv.CustomCredentialHeaders.LastOrDefault(h => h.Header == "x-api-key");
        var auth = inv.CustomCredentialHeaders.LastOrDefault(h => h.Header == "authorization");
        return (key is null ? null : new CredentialRef(CredentialKind.ApiKey, source, key.Fingerprint),
                auth is null ? null : new CredentialRef(CredentialKind.AuthToken, source, auth.Fingerprint));
    }

    /// <summary>The managed login policy: which credentials Claude Code refuses to use here.</summary>
    private static string? Policy(CredentialInventory inv, CredentialRef winner)
    {
        var policy = inv.Policy;
        if (policy.IsEmpty || winner.Kind == CredentialKind.None) return null;
        bool keyOrToken = winner.Kind is CredentialKind.ApiKeyHelper or CredentialKind.AuthToken && !inv.GatewayMode
                          || winner.Kind == CredentialKind.ApiKey && winner.Source.Path != inv.GlobalState.Path;
        if (policy.ForceLoginMethod == "gateway" && !inv.GatewayMode)
            return "managed settings require the Cloud gateway (forceLoginMethod \"gateway\") and this session is not signed in to it";
        if (policy.ForceLoginMethod is "claudeai" or "console" && keyOrToken)
            return $"managed settings require a claude.ai or Console sign-in (forceLoginMethod \"{policy.ForceLoginMethod}\") and this session is configured with {BillingWords.Describe(winner)}, which Claude Code refuses";
        if (policy.ForceLoginOrgUuids.Count > 0 && keyOrToken)
            return $"managed settings pin sign-ins to an organization (forceLoginOrgUUID) and this session is configured with {BillingWords.Describe(winner)}, which Claude Code refuses";
        if (policy.AllowedProviders is { } allowed)
        {
            string provider = inv.GatewayMode ? "gateway" : BillingVariables.ProviderId(winner.Kind == CredentialKind.Cloud ? inv.CloudFlag : null);
            bool customEndpoint = provider == "anthropic" && inv.BaseUrl is { } url && !BillingAdvisor.IsAnthropic(url);
            if (!allowed.Contains(provider) || customEndpoint && !allowed.Contains("customEndpoint"))
                return $"managed settings allow only {string.Join(", ", allowed)} (allowedProviders), and this session would use {(customEndpoint ? "a custom endpoint (" + inv.BaseUrl + ")" : provider)}";
        }
        return null;
    }

    private static bool Same(CredentialRef a, CredentialRef b) => a.Kind == b.Kind && a.Source == b.Source && a.Fingerprint == b.Fingerprint;

    /// <summary>
    /// Interactive sessions use an ANTHROPIC_API_KEY only once the user approved it; a rejected key is skipped.
    /// Returns a note only when the interactive answer differs from (or may differ from) <c>claude -p</c>'s.
    /// </summary>
    private static InteractiveNote? Interactive(CredentialInventory inv, CredentialRef winner)
    {
        if (winner.Kind != CredentialKind.ApiKey || ApiKey(inv) is not { } key || !Same(key, winner)) return null;
        var next = Choose(inv, bare: false, skipApiKey: true).Winner;
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
