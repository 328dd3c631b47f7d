namespace SeatGuard.Core.Credentials;

/// <summary>
/// Every human rendering of a credential or a billing verdict, in one place: the doctor's one-sentence summary,
/// the status line's few words, the advisor's "ANTHROPIC_API_KEY from …", the report's "on the subscription".
/// Never a value: only kinds, variable names and file names.
/// </summary>
public static class BillingWords
{
    /// <summary>The verdict in one sentence a user understands (doctor's first line).</summary>
    public static string Summary(CredentialInventory inv, CredentialRef w) => Summary(inv, new BillingResolution(w.Billing, w, [], [], null));

    /// <summary>The verdict in one sentence, for one resolution (a refusal is said as such).</summary>
    public static string Summary(CredentialInventory inv, BillingResolution r)
    {
        var w = r.Winner;
        string plan = inv.Login?.PlanWords ?? "Claude subscription";
        if (r.Refused is { } refused)
            return $"Claude Code refuses to send anything here: {r.Refusal}. (It would otherwise use {Describe(refused)}.)";
        if (w.Kind == CredentialKind.None && r.Refusal is { } why) return $"Claude Code sends nothing here: {why}.";
        if (w.Kind == CredentialKind.None && (r.Mode == StartMode.Bare || inv.SimpleMode))
            return $"{(r.Mode == StartMode.Bare ? "Under --bare" : "With CLAUDE_CODE_SIMPLE set")} Claude Code reads no OAuth token, /login or keychain, and finds no API key here: `claude -p` would fail with \"Not logged in\".";
        return w.Kind switch
        {
            CredentialKind.OAuthToken when w.Source.IsFile => $"This directory bills your {plan} via the cloud sessions' token file {w.Source.Path}.",
            CredentialKind.OAuthToken when w.Source.Variable == BillingVariables.OAuthTokenFd => $"This directory bills your {plan} via the OAuth token passed by file descriptor (CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR).",
            CredentialKind.OAuthToken => $"This directory bills your {plan} via CLAUDE_CODE_OAUTH_TOKEN ({From(w.Source)}).",
            CredentialKind.Login => $"This directory bills your {plan} via your /login credentials ({(w.Source.Kind == SourceKind.Keychain ? "macOS keychain" : w.Source.Path)}).",
            CredentialKind.ApiKey when IsConsoleKey(w) => $"This directory bills the metered API via the Console-managed key in {w.Source.Path}, not a subscription.",
            CredentialKind.ApiKey when w.Source.IsFile => $"This directory bills the metered API via the cloud sessions' key file {w.Source.Path}, not your subscription.",
            CredentialKind.ApiKey when w.Source.Variable == BillingVariables.ApiKeyFd => "This directory bills the metered API via the key passed by file descriptor (CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR), not your subscription.",
            CredentialKind.ApiKey when w.Source.Variable == BillingVariables.CustomHeaders => $"This directory bills the metered API via an x-api-key header in ANTHROPIC_CUSTOM_HEADERS ({From(w.Source)}), not your subscription.",
            CredentialKind.ApiKey => $"This directory bills the metered API via ANTHROPIC_API_KEY ({From(w.Source)}), not your subscription.",
            CredentialKind.ApiKeyHelper => $"This directory bills the metered API via the apiKeyHelper in {From(w.Source)}, not your subscription.",
            CredentialKind.AuthToken when inv.GatewayMode => $"This directory signs in to the Cloud gateway at {inv.BaseUrl} with ANTHROPIC_AUTH_TOKEN ({From(w.Source)}): your organization's gateway bills, not your own subscription.",
            CredentialKind.AuthToken => $"This directory sends ANTHROPIC_AUTH_TOKEN ({From(w.Source)}) to {inv.BaseUrl ?? "the API"}: a gateway bills, not your subscription.",
            CredentialKind.Cloud => $"This directory bills {BillingVariables.CloudName(w.Source.Variable)} ({w.Source.Variable} {From(w.Source)}), not your subscription.",
            CredentialKind.Profile => $"This directory bills your organization's API account via the ant profile '{inv.Profile?.Name}' ({w.Source.Path}), not a subscription.",
            CredentialKind.Federation => $"This directory bills your organization's API account via workload identity federation ({From(w.Source)}), not a subscription.",
            _ => "Claude Code has no credential here: `claude -p` would fail with \"Not logged in\".",
        };
    }

    /// <summary>A credential in a few words for a status bar: "Max subscription", "API key (.claude/settings.json)".</summary>
    public static string Short(CredentialInventory inv, CredentialRef credential)
    {
        string plan = inv.Login?.PlanWords ?? "Subscription";
        return credential.Kind switch
        {
            CredentialKind.Login => plan,
            CredentialKind.OAuthToken => $"{plan} (setup-token, {FileOf(credential.Source)})",
            CredentialKind.ApiKey when IsConsoleKey(credential) => "API key (Console login)",
            CredentialKind.ApiKey => $"API key ({FileOf(credential.Source)})",
            CredentialKind.ApiKeyHelper => $"API key (apiKeyHelper, {FileOf(credential.Source)})",
            CredentialKind.AuthToken when inv.GatewayMode => inv.BaseUrl is { } gw && Uri.TryCreate(gw, UriKind.Absolute, out var g) ? $"Cloud gateway ({g.Host})" : "Cloud gateway",
            CredentialKind.AuthToken => inv.BaseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"gateway ({uri.Host})" : "gateway",
            CredentialKind.Cloud => $"cloud provider ({CloudName(inv.CloudFlag)})",
            CredentialKind.Profile => $"API (ant profile {inv.Profile?.Name})",
            CredentialKind.Federation => "API (workload identity federation)",
            _ => "no credential",
        };
    }

    /// <summary>A credential named in a sentence: "ANTHROPIC_API_KEY from env:ANTHROPIC_API_KEY".</summary>
    public static string Describe(CredentialRef c) => c.Kind switch
    {
        CredentialKind.ApiKey when IsConsoleKey(c) => "the Console-managed API key in " + c.Source.Path,
        CredentialKind.ApiKey when c.Source.IsFile => "the API key in " + c.Source.Path,
        CredentialKind.ApiKey when c.Source.Variable == BillingVariables.ApiKeyFd => "the API key passed by file descriptor (CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR)",
        CredentialKind.ApiKey when c.Source.Variable == BillingVariables.CustomHeaders => $"the x-api-key header in ANTHROPIC_CUSTOM_HEADERS from {c.Source}",
        CredentialKind.ApiKey => $"ANTHROPIC_API_KEY from {c.Source}",
        CredentialKind.ApiKeyHelper => $"the apiKeyHelper from {c.Source}",
        CredentialKind.AuthToken when c.Source.Variable == BillingVariables.CustomHeaders => $"the Authorization header in ANTHROPIC_CUSTOM_HEADERS from {c.Source}",
        CredentialKind.AuthToken => $"ANTHROPIC_AUTH_TOKEN from {c.Source}",
        CredentialKind.OAuthToken when c.Source.IsFile => "the OAuth token in " + c.Source.Path,
        CredentialKind.OAuthToken when c.Source.Variable == BillingVariables.OAuthTokenFd => "the OAuth token passed by file descriptor (CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR)",
        CredentialKind.OAuthToken => $"CLAUDE_CODE_OAUTH_TOKEN from {c.Source}",
        CredentialKind.Login when c.Source.Kind == SourceKind.Keychain => "your /login credentials in the macOS keychain",
        CredentialKind.Login => "your /login credentials in " + c.Source.Path,
        CredentialKind.Cloud => $"the cloud-provider switch {c.Source}",
        CredentialKind.Profile => "the ant profile credentials in " + c.Source.Path,
        CredentialKind.Federation => $"workload identity federation from {c.Source}",
        _ => "no credential",
    };

    /// <summary>What the probe saw on the wire, in words: "oauth-token", "api-key with a second credential (auth-token)", "nothing".</summary>
    public static string Observed(ProbeReport p) =>
        p.Observed == CredentialKind.None ? "nothing"
        : p.Observed.Name() + (p.EmptyCredential ? " (an empty credential)" : "") + (p.SecondCredential is { } s ? $" with a second credential ({s.Name()})" : "");

    /// <summary>The Console-managed key Claude Code keeps in <c>.claude.json</c> (<c>primaryApiKey</c>).</summary>
    public static bool IsConsoleKey(CredentialRef c) =>
        c.Kind == CredentialKind.ApiKey && c.Source.IsFile && c.Source.Path is { } p && p.EndsWith(".claude.json", StringComparison.Ordinal);

    /// <summary>The technical form for tables: "api-key from env:ANTHROPIC_API_KEY sha256:1a2b3c4d", or "none".</summary>
    public static string Technical(CredentialRef c) =>
        c.Kind == CredentialKind.None ? "none" : $"{c.Kind.Name()} from {c.Source}{(c.Fingerprint is null ? "" : " " + c.Fingerprint)}";

    /// <summary>Where a value comes from, in words: "from the environment", "from this repository's .claude/settings.json".</summary>
    public static string From(CredentialSource source) => source.Kind switch
    {
        SourceKind.Environment => "from the environment",
        SourceKind.Settings => source.Scope switch
        {
            SettingsScope.User => "from your user settings",
            SettingsScope.Project => "from this repository's .claude/settings.json",
            SettingsScope.Local => "from this repository's .claude/settings.local.json",
            SettingsScope.Managed => "from managed settings",
            _ => "from --settings",
        },
        _ => source.ToString(),
    };

    /// <summary>The short name of where a value comes from: env, settings.json, .claude/settings.json, --settings.</summary>
    public static string FileOf(CredentialSource source) => source.Kind switch
    {
        SourceKind.Environment => "env",
        SourceKind.Settings => source.Scope switch
        {
            SettingsScope.User => "settings.json",
            SettingsScope.Project => ".claude/settings.json",
            SettingsScope.Local => ".claude/settings.local.json",
            SettingsScope.Managed => "managed settings",
            _ => "--settings",
        },
        _ => source.ToString(),
    };

    /// <summary>Who a verdict bills, as a phrase after a count: "on the subscription", "through a gateway".</summary>
    public static string Verdict(Billing verdict) => verdict switch
    {
        Billing.Subscription => "on the subscription",
        Billing.ApiKey => "on an API key",
        Billing.Gateway => "through a gateway",
        Billing.CloudProvider => "on a cloud provider",
        Billing.None => "with no credential",
        _ => "with an unknown billing source",
    };

    /// <summary>The cloud provider a switch selects, shortly.</summary>
    public static string CloudName(string? flag) => flag switch
    {
        BillingVariables.UseBedrock => "Bedrock",
        BillingVariables.UseVertex => "Vertex",
        BillingVariables.UseFoundry => "Foundry",
        BillingVariables.UseAnthropicAws => "Claude Platform on AWS",
        BillingVariables.UseAnthropicGoogleCloud => "Claude Platform on Google Cloud",
        BillingVariables.UseMantle => "Bedrock Mantle",
        _ => "unknown",
    };
}
