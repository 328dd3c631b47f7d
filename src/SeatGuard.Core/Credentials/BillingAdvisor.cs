using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>Turns an inventory and its resolution into findings, each with a one-line fix. Never prints a value.</summary>
public static class BillingAdvisor
{
    private static readonly string[] SwitchingVariables =
    [
        BillingVariables.ApiKey, BillingVariables.AuthToken, .. BillingVariables.CloudFlags, BillingVariables.UseGateway,
        BillingVariables.CustomHeaders,
    ];

    /// <summary>The findings for this inventory and verdict, each with a one-line fix; <paramref name="now"/> judges token expiry.</summary>
    public static IReadOnlyList<DoctorFinding> Advise(CredentialInventory inv, BillingResolution res, DateTimeOffset now) =>
        Advise(inv, res, null, now);

    /// <summary>The findings for this inventory and verdict, including how <c>claude --bare</c> differs when <paramref name="bare"/> is given.</summary>
    /// <param name="inv">The credential inventory.</param>
    /// <param name="res">The verdict for <c>claude -p</c>.</param>
    /// <param name="bare">The resolution for <c>claude --bare</c>, when the caller computed it (doctor does).</param>
    /// <param name="now">Judges token expiry.</param>
    public static IReadOnlyList<DoctorFinding> Advise(CredentialInventory inv, BillingResolution res, BillingResolution? bare, DateTimeOffset now)
    {
        var findings = new List<DoctorFinding>();
        Refusal(inv, res, findings);
        ShadowedSubscription(inv, res, findings);
        SimpleMode(inv, res, findings);
        OAuthTokenAsApiKey(inv, findings);
        Helper(inv, res, findings);
        RepositorySettings(inv, findings);
        BaseUrl(inv, res, findings);
        SdkProjectAdvice.Check(inv, res, findings);
        if (res.Winner.Kind == CredentialKind.AuthToken && inv.GatewayMode)
        {
            findings.Add(new DoctorFinding("cloud-gateway", Severity.Info,
                $"CLAUDE_CODE_USE_GATEWAY signs Claude Code in to the Cloud gateway at {inv.BaseUrl} with ANTHROPIC_AUTH_TOKEN: that token is the only credential sent (API keys, helpers and provider switches are ignored), and the organization behind the gateway bills.",
                "Unset CLAUDE_CODE_USE_GATEWAY (and ANTHROPIC_AUTH_TOKEN) for runs that should use your own subscription."));
        }
        else if (res.Winner.Kind == CredentialKind.AuthToken)
        {
            findings.Add(new DoctorFinding("auth-token-gateway", Severity.Warning,
                $"ANTHROPIC_AUTH_TOKEN ({res.Winner.Source}) is a bearer token for a gateway or proxy: whoever runs that gateway bills these requests, not your subscription.",
                "If you meant to use your subscription, unset ANTHROPIC_AUTH_TOKEN for Claude runs (`env -u ANTHROPIC_AUTH_TOKEN claude …`)."));
        }
        foreach (var extra in res.AlsoSent)
        {
            findings.Add(new DoctorFinding("two-credentials-on-request", Severity.Warning,
                $"Each request carries two credentials: {BillingWords.Describe(res.Winner)} and {BillingWords.Describe(extra)}. Anthropic's API bills the x-api-key; a gateway may bill either.",
                "Keep exactly one credential: remove the other variable or helper, or launch with `seatguard run`."));
        }
        LoginFile(inv, now, findings);
        if (inv.OAuthTokenProblem is { } problem)
        {
            var def = inv.Active(BillingVariables.OAuthToken)!;
            findings.Add(new DoctorFinding("oauth-token-malformed", Severity.Error,
                $"CLAUDE_CODE_OAUTH_TOKEN ({def.Location}) looks malformed: {problem}.",
                "Run `claude setup-token` again and paste the whole token on one line, without quotes."));
        }
        foreach (var export in inv.ShellExports)
        {
            bool isKey = export.Variable == BillingVariables.ApiKey;
            findings.Add(new DoctorFinding("token-in-shell-startup", isKey ? Severity.Warning : Severity.Info,
                isKey
                    ? $"{export.Variable} is set in a shell startup file, so every shell you open (and every script it starts) bills the metered API."
                    : $"{export.Variable} is stored in plain text in a shell startup file.",
                $"Remove line {export.Line} from {export.Path}; export it only where a run needs it (or use `seatguard run`).",
                $"{export.Path}:{export.Line}"));
        }
        foreach (var layer in inv.IgnoredLayers)
        {
            bool managed = layer.Scope == SettingsScope.Managed && !layer.SchemaInvalid;
            findings.Add(new DoctorFinding("settings-file-ignored", managed ? Severity.Error : Severity.Warning,
                managed
                    ? $"Claude Code cannot read the managed settings file {layer.Location} ({layer.Error}) and refuses to start until it is fixed."
                    : $"Claude Code ignores {layer.Location} entirely ({layer.Error}): nothing in it counts, neither its env block nor its apiKeyHelper.",
                layer.SchemaInvalid ? "Fix that field (Claude Code validates every settings file); then the file counts again." : "Fix the JSON (strict JSON: no comments, no trailing commas); then the file counts again.",
                layer.Location));
        }
        Descriptors(inv, findings);
        Profiles(inv, res, findings);
        Policy(inv, res, findings);
        foreach (var file in new[] { inv.RemoteOAuthToken, inv.RemoteApiKey }.OfType<RemoteCredentialFile>())
        {
            findings.Add(new DoctorFinding("cloud-session-credential-file", Severity.Warning,
                $"{file.Path} exists: Claude Code reads this cloud-session credential file on any machine, ahead of your /login credentials.",
                $"Remove {file.Path} unless this machine is a Claude Code cloud session.", file.Path));
        }
        foreach (var header in inv.CustomCredentialHeaders)
        {
            findings.Add(new DoctorFinding("credential-in-custom-headers", Severity.Warning,
                $"ANTHROPIC_CUSTOM_HEADERS ({inv.Active(BillingVariables.CustomHeaders)?.Location}) sets a {header.Header} header: it travels on every request beside (or instead of) the credential Claude Code chose.",
                "Remove the credential header from ANTHROPIC_CUSTOM_HEADERS; pass credentials through the variables Claude Code knows."));
        }
        if (inv.Active(BillingVariables.RefreshToken) is { } refresh)
        {
            findings.Add(new DoctorFinding("oauth-refresh-token-unused", Severity.Info,
                $"CLAUDE_CODE_OAUTH_REFRESH_TOKEN ({refresh.Location}) does not log `claude -p` in by itself (measured on 2.1.330 and 2.1.332); it only serves `claude auth login` to mint /login credentials.",
                "For scripts use CLAUDE_CODE_OAUTH_TOKEN from `claude setup-token`."));
        }
        if (inv.ConfigDir.Contains(','))
        {
            findings.Add(new DoctorFinding("config-dir-literal", Severity.Info,
                $"Claude Code uses CLAUDE_CONFIG_DIR literally ({inv.ConfigDir}): it does not split it at commas, and reads settings and credentials only from that one directory.",
                "Give CLAUDE_CONFIG_DIR a single directory."));
        }
        if (bare is not null && bare.Verdict != res.Verdict)
        {
            findings.Add(new DoctorFinding("bare-differs", bare.Verdict == Billing.None && res.Verdict == Billing.Subscription ? Severity.Warning : Severity.Info,
                $"`claude --bare` (and CLAUDE_CODE_SIMPLE=1) would {(bare.Verdict == Billing.None ? "find no credential" : "bill " + bare.Verdict.Name() + " via " + BillingWords.Describe(bare.Winner))}: it reads no OAuth token, no /login and no keychain.",
                "Use --bare only with an API key, or leave it out for subscription runs."));
        }
        if (res.Interactive is { } interactive)
        {
            findings.Add(new DoctorFinding("interactive-differs", Severity.Info,
                $"Interactive sessions may differ: {interactive.Note} Interactive would bill: {interactive.Verdict.Name()}.",
                "Decide once: approve or remove the key, so scripts and interactive sessions bill the same."));
        }
        if (res.Winner.Kind is CredentialKind.Login or CredentialKind.OAuthToken && inv.GlobalState.PrimaryApiKeyFingerprint is not null)
        {
            findings.Add(new DoctorFinding("init-event-misleading", Severity.Info,
                $"{inv.GlobalState.Path} also holds a Console-managed API key: Claude Code's init event will report apiKeySource \"/login managed key\" although the subscription token is what it sends.",
                "Trust the rate_limit_event (`seatguard verify`), not apiKeySource; or remove the old key with `claude /logout` and log in again."));
        }
        if (res.Winner.Kind == CredentialKind.Cloud && inv.CloudFlag == BillingVariables.UseVertex && inv.Active(BillingVariables.ApiKey) is { } vertexKey)
        {
            findings.Add(new DoctorFinding("vertex-sends-api-key", Severity.Warning,
                $"With CLAUDE_CODE_USE_VERTEX, Claude Code still sends ANTHROPIC_API_KEY ({vertexKey.Location}) as an x-api-key header to the Vertex endpoint (measured): the key leaves the machine although Google bills.",
                "Unset ANTHROPIC_API_KEY for Vertex runs."));
        }
        if (res.Winner.Kind == CredentialKind.Cloud)
        {
            findings.Add(new DoctorFinding("cloud-provider", Severity.Info,
                $"{res.Winner.Source} routes Claude Code to {BillingVariables.CloudName(inv.CloudFlag)}: that provider's account is billed, not your subscription.",
                $"Unset {inv.CloudFlag} to use your subscription."));
        }
        if (res.Winner.Kind == CredentialKind.None && res.Refusal is null && !inv.SimpleMode)
        {
            findings.Add(new DoctorFinding("nothing-configured", Severity.Info,
                "No credential is configured: `claude -p` fails with \"Not logged in\".",
                "Run `claude /login` for interactive use, or `claude setup-token` and export CLAUDE_CODE_OAUTH_TOKEN for scripts."));
        }
        return findings;
    }

    private static void Refusal(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (res.Refusal is not { } why) return;
        findings.Add(new DoctorFinding("claude-code-refuses", Severity.Error,
            $"Claude Code sends nothing here: {why}.",
            res.Refused is { } r ? $"Remove {BillingWords.Describe(r)}, or fix what the message names." : "Fix what the message names."));
    }

    private static void ShadowedSubscription(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (res.Verdict is not (Billing.ApiKey or Billing.Gateway)) return;
        var subscription = res.Shadowed.FirstOrDefault(c => c.Kind is CredentialKind.OAuthToken or CredentialKind.Login);
        if (subscription is null) return;
        var w = res.Winner;
        string fix = w.Kind switch
        {
            CredentialKind.ApiKeyHelper => $"Remove \"apiKeyHelper\" from {inv.Helper!.Path}, or launch with `seatguard run --mode subscription -- …` (it disables the helper for that run).",
            CredentialKind.Profile => $"Unset ANTHROPIC_PROFILE (or remove {w.Source.Path}) for runs that should use your subscription.",
            CredentialKind.Federation => "Unset ANTHROPIC_FEDERATION_RULE_ID and ANTHROPIC_ORGANIZATION_ID for runs that should use your subscription.",
            _ when BillingWords.IsConsoleKey(w) => $"Remove the key from {w.Source.Path} (`claude /logout`, then `claude /login` with your subscription account).",
            _ when w.Source.IsEnvironment =>
                $"Unset it for Claude runs: `env -u {w.Source.Variable} claude …`, or `seatguard run --mode subscription -- …`"
                + (inv.ShellExports.FirstOrDefault(e => e.Variable == w.Source.Variable) is { } ex ? $"; it is exported at {ex.Path}:{ex.Line}." : "."),
            _ when w.Source.IsSettings =>
                $"Delete \"{w.Source.Variable ?? BillingVariables.Of(w.Kind) ?? BillingVariables.ApiKey}\" from the \"env\" block of {w.Source.Path ?? inv.LayerOf(w.Source)?.Path ?? w.Source.ToString()}, or launch with `seatguard run --mode subscription -- …` (it neutralises settings-injected keys).",
            _ => $"Remove {w.Source.Path ?? w.Source.ToString()}.",
        };
        string id = w.Kind switch
        {
            CredentialKind.AuthToken => "auth-token-shadows-subscription",
            CredentialKind.Profile or CredentialKind.Federation => "organization-login-shadows-subscription",
            _ => "api-key-shadows-subscription",
        };
        string bills = w.Kind switch
        {
            CredentialKind.AuthToken => "a gateway",
            CredentialKind.Profile or CredentialKind.Federation => "your organization's API account",
            _ => "the metered API",
        };
        string helperNote = w.Kind == CredentialKind.ApiKeyHelper
            ? " The helper wins even when it fails or prints nothing: then the request goes out with an empty credential and still does not use the subscription."
            : "";
        findings.Add(new DoctorFinding(id, Severity.Error,
            $"{BillingWords.Describe(w)} shadows your subscription credential ({BillingWords.Describe(subscription)}): every `claude -p` run here bills {bills}, not the subscription.{helperNote}",
            fix));
    }

    private static void SimpleMode(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (!inv.SimpleMode || inv.Active(BillingVariables.Simple) is not { } def) return;
        var normal = BillingResolver.Resolve(inv with { Effective = inv.Effective.Where(e => e.Key != BillingVariables.Simple).ToDictionary(e => e.Key, e => e.Value) });
        bool losesSubscription = normal.Verdict == Billing.Subscription && res.Verdict != Billing.Subscription;
        findings.Add(new DoctorFinding("simple-mode", losesSubscription ? Severity.Error : Severity.Info,
            $"CLAUDE_CODE_SIMPLE ({def.Location}) runs Claude Code as under --bare: it reads no OAuth token, no /login credentials and no keychain"
            + (losesSubscription ? $", so your subscription ({BillingWords.Describe(normal.Winner)}) is not used." : "."),
            $"Unset CLAUDE_CODE_SIMPLE{(def.Source.IsSettings ? " in " + def.Source.Path : "")} for subscription runs."));
    }

    private static void OAuthTokenAsApiKey(CredentialInventory inv, List<DoctorFinding> findings)
    {
        if (inv.Active(BillingVariables.ApiKey) is not { Prefix: { } prefix } def) return;
        if (!prefix.StartsWith(TokenShapes.OAuthAccessPrefix, StringComparison.Ordinal) && !prefix.StartsWith(TokenShapes.OAuthRefreshPrefix, StringComparison.Ordinal)) return;
        findings.Add(new DoctorFinding("oauth-token-as-api-key", Severity.Error,
            $"ANTHROPIC_API_KEY ({def.Location}) holds an OAuth token ({prefix}…): Claude Code sends it as an x-api-key, which the API rejects — it is not used as your subscription.",
            "Move the token to CLAUDE_CODE_OAUTH_TOKEN and unset ANTHROPIC_API_KEY."));
    }

    private static void Helper(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        var helper = res.Winner.Kind == CredentialKind.ApiKeyHelper || res.AlsoSent.Any(a => a.Kind == CredentialKind.ApiKeyHelper) ? inv.Helper : null;
        if (helper?.Problem is not { } problem) return;
        findings.Add(new DoctorFinding("api-key-helper-fails", Severity.Error,
            $"The apiKeyHelper in {helper.Path} will fail: {problem}. Claude Code still uses it — requests go out with an empty credential and the subscription is not used.",
            $"Fix the command, or remove \"apiKeyHelper\" from {helper.Path} (only \"\" turns a helper off).", helper.Path));
    }

    private static void Descriptors(CredentialInventory inv, List<DoctorFinding> findings)
    {
        foreach (var name in new[] { BillingVariables.OAuthTokenFd, BillingVariables.ApiKeyFd })
        {
            if (inv.Active(name) is not { } def) continue;
            if (def.Source.IsSettings)
            {
                findings.Add(new DoctorFinding("file-descriptor-in-settings", Severity.Warning,
                    $"{name} in {def.Source.Path} has no effect: Claude Code reads the file-descriptor variables only from the environment it is started with.",
                    $"Remove {name} from the settings file."));
            }
            else if (inv.Descriptor(name) is null)
            {
                findings.Add(new DoctorFinding("file-descriptor-invalid", Severity.Warning,
                    $"{name} is \"{def.PlainValue}\", not a descriptor number: Claude Code ignores it.", $"Set {name} to the number of an open descriptor, or unset it."));
            }
            else
            {
                findings.Add(new DoctorFinding("credential-by-file-descriptor", Severity.Info,
                    $"A credential is passed by file descriptor ({name}={def.PlainValue}); SeatGuard does not read it (that would consume it), so the fingerprint is unknown. Claude Code ignores it when descriptor {def.PlainValue} is not open or is empty.",
                    "Use `seatguard doctor --probe` in the same launch to observe what Claude Code actually sends."));
            }
        }
    }

    private static void Profiles(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (inv.Profile is { Explicit: true, Usable: false } missing)
        {
            findings.Add(new DoctorFinding("profile-unusable", Severity.Warning,
                $"ANTHROPIC_PROFILE names '{missing.Name}', but {(missing.Type is null ? missing.ConfigPath + " has no usable authentication" : missing.CredentialsPath + " holds no access_token")}: Claude Code ignores the profile.",
                "Run `ant auth login` for that profile, or unset ANTHROPIC_PROFILE."));
        }
        if (inv.Active(BillingVariables.Profile) is null && inv.Profile is { Explicit: false, Usable: true } implicitProfile && res.Winner.Kind != CredentialKind.Profile && res.Winner.Kind != CredentialKind.Federation)
        {
            findings.Add(new DoctorFinding("profile-standby", Severity.Info,
                $"The ant profile '{implicitProfile.Name}' in {implicitProfile.Directory} is used whenever there are no /login credentials (after `claude /logout`, or on a machine without them): it bills your organization's API account.",
                "Remove the profile if you never want Claude Code to use it."));
        }
    }

    private static void Policy(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        var policy = inv.Policy;
        if (policy.ForceLoginOrgUuids.Count > 0 && res.Winner.Kind is CredentialKind.OAuthToken or CredentialKind.Login)
        {
            findings.Add(new DoctorFinding("managed-org-check", Severity.Info,
                $"Managed settings pin sign-ins to organization {string.Join(" or ", policy.ForceLoginOrgUuids)} (forceLoginOrgUUID): Claude Code checks the token's organization online at start and refuses to run if it differs.",
                "Log in with an account of that organization."));
        }
    }

    private static void RepositorySettings(CredentialInventory inv, List<DoctorFinding> findings)
    {
        foreach (var layer in inv.Layers.Where(l => l.Usable && l.IsRepositoryScope))
        {
            var switching = SwitchingVariables.Where(v => layer.Env.TryGetValue(v, out var value) && value.Trim().Length > 0).ToList();
            if (!string.IsNullOrEmpty(layer.ApiKeyHelper)) switching.Add("apiKeyHelper");
            if (switching.Count > 0)
            {
                findings.Add(new DoctorFinding("repo-settings-switch-billing", Severity.Error,
                    $"The repository settings file {layer.Path} sets {string.Join(", ", switching)}: billing switches for everyone who runs Claude Code in this directory.",
                    "Remove it from the repository file; keep personal credentials in your environment or ~/.claude/settings.json.", layer.Path));
            }
            if (layer.Env.TryGetValue(BillingVariables.BaseUrl, out var rawUrl) && rawUrl.Trim().Length > 0 && Redactor.RedactUrl(rawUrl) is var url)
            {
                findings.Add(new DoctorFinding("repo-settings-redirect-base-url", Severity.Error,
                    $"The repository settings file {layer.Path} sets ANTHROPIC_BASE_URL to {url}: your credential is sent there instead of to Anthropic.",
                    "Remove ANTHROPIC_BASE_URL from the repository file unless you run that endpoint yourself.", layer.Path));
            }
            var ignored = layer.Env.Keys.Where(k => BillingVariables.All.Contains(k) && !BillingVariables.SettableFrom(k, layer.Scope)).ToList();
            if (ignored.Count > 0)
            {
                findings.Add(new DoctorFinding("repo-settings-variable-ignored", Severity.Info,
                    $"The repository settings file {layer.Path} sets {string.Join(", ", ignored)}, which Claude Code ignores in a repository's settings.",
                    "Set it in your environment or ~/.claude/settings.json if you need it.", layer.Path));
            }
        }
    }

    private static void BaseUrl(CredentialInventory inv, BillingResolution res, List<DoctorFinding> findings)
    {
        if (inv.Active(BillingVariables.BaseUrl) is not { } def || def.PlainValue is not { } url) return;
        if (IsAnthropic(url) || def.Source.IsRepositorySettings) return;
        bool subscription = res.Verdict == Billing.Subscription;
        findings.Add(new DoctorFinding("custom-base-url", subscription && !IsLoopback(url) ? Severity.Error : Severity.Warning,
            subscription
                ? $"ANTHROPIC_BASE_URL ({def.Source}) sends your subscription token to {url}: a proxy in front of a subscription seat sees the token and may route other people's requests through it."
                : $"ANTHROPIC_BASE_URL ({def.Source}) sends requests and the credential to {url}, not to Anthropic.",
            "Unset ANTHROPIC_BASE_URL unless you run that endpoint yourself."));
    }

    private static void LoginFile(CredentialInventory inv, DateTimeOffset now, List<DoctorFinding> findings)
    {
        if (inv.Login is not { } login) return;
        if (login.Error is not null)
        {
            findings.Add(new DoctorFinding("login-file-unreadable", Severity.Warning,
                $"The /login credentials file {login.Path} could not be used ({login.Error}).", "Run `claude /login` again.", login.Path));
            return;
        }
        if (login.GatewaySignIn is { } gateway)
        {
            findings.Add(new DoctorFinding("gateway-sign-in-stored", Severity.Warning,
                $"{login.Path} holds a Claude apps gateway sign-in ({gateway}): while it is valid, Claude Code sends every request to that gateway with its token, ahead of every other credential, and the gateway's organization bills. SeatGuard cannot check the sign-in offline.",
                "Run `seatguard doctor --probe` to see what Claude Code sends; `claude /logout` removes the sign-in.", login.Path));
        }
        if (login.ReadableByOthers)
        {
            findings.Add(new DoctorFinding("credentials-file-permissions", Severity.Warning,
                $"{login.Path} is readable by other users of this machine (mode {Convert.ToString((int)login.Mode!.Value, 8)}).",
                $"chmod 600 {login.Path}", login.Path));
        }
        if (login.ScopesMalformed && login.Usable)
        {
            findings.Add(new DoctorFinding("login-scopes-malformed", Severity.Error,
                $"The /login credentials in {login.Path} list their scopes as a string, not a list: Claude Code still sends the token, but without the OAuth header the API needs, so requests fail.",
                "Run `claude /login` again.", login.Path));
        }
        if (login.AccessTokenFingerprint is not null && !login.HasInference)
        {
            findings.Add(new DoctorFinding("login-missing-inference-scope", Severity.Warning,
                $"The /login credentials in {login.Path} lack the user:inference scope, so Claude Code ignores them.",
                "Run `claude /login` again with your subscription account.", login.Path));
        }
        if (login.ExpiresAt is { } exp && exp < now)
        {
            findings.Add(new DoctorFinding("login-expired", Severity.Warning,
                $"The /login access token expired at {exp:yyyy-MM-dd HH:mm} UTC; Claude Code refreshes it when it can, otherwise runs fail until you log in again.",
                "Run any `claude` command once interactively, or `claude /login`.", login.Path));
        }
    }

    internal static bool IsAnthropic(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.Host == "api.anthropic.com" || u.Host.EndsWith(".anthropic.com", StringComparison.Ordinal));

    internal static bool IsLoopback(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var u) && (u.IsLoopback || u.Host == "127.0.0.1");
}
