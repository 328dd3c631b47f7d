namespace SeatGuard.Core.Credentials;

/// <summary>
/// Every human rendering of a credential or a billing verdict, in one place: the doctor's one-sentence summary,
/// the status line's few words, the advisor's "ANTHROPIC_API_KEY from …", the report's "on the subscription".
/// Never a value: only kinds, variable names and file names.
/// </summary>
public static class BillingWords
{
    /// <summary>The verdict in one sentence a user understands (doctor's first line).</summary>
    public static string Summary(CredentialInventory inv, CredentialRef w)
    {
        string plan = inv.Login?.PlanWords ?? "Claude subscription";
        return w.Kind switch
        {
            CredentialKind.OAuthToken => $"This directory bills your {plan} via CLAUDE_CODE_OAUTH_TOKEN ({From(w.Source)}).",
            CredentialKind.Login => $"This directory bills your {plan} via your /login credentials ({(w.Source.Kind == SourceKind.Keychain ? "macOS keychain" : w.Source.Path)}).",
            CredentialKind.ApiKey when w.Source.IsFile => $"This directory bills the metered API via the Console-managed key in {w.Source.Path}, not a subscription.",
            CredentialKind.ApiKey => $"This directory bills the metered API via ANTHROPIC_API_KEY ({From(w.Source)}), not your subscription.",
            CredentialKind.ApiKeyHelper => $"This directory bills the metered API via the apiKeyHelper in {From(w.Source)}, not your subscription.",
            CredentialKind.AuthToken => $"This directory sends ANTHROPIC_AUTH_TOKEN ({From(w.Source)}) to {inv.BaseUrl ?? "the API"}: a gateway bills, not your subscription.",
            CredentialKind.Cloud => $"This directory bills a cloud provider ({From(w.Source)}), not your subscription.",
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
            CredentialKind.ApiKey when credential.Source.IsFile => "API key (Console login)",
            CredentialKind.ApiKey => $"API key ({FileOf(credential.Source)})",
            CredentialKind.ApiKeyHelper => $"API key (apiKeyHelper, {FileOf(credential.Source)})",
            CredentialKind.AuthToken => inv.BaseUrl is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"gateway ({uri.Host})" : "gateway",
            CredentialKind.Cloud => $"cloud provider ({CloudName(inv.CloudFlag)})",
            _ => "no credential",
        };
    }

    /// <summary>A credential named in a sentence: "ANTHROPIC_API_KEY from env:ANTHROPIC_API_KEY".</summary>
    public static string Describe(CredentialRef c) => c.Kind switch
    {
        CredentialKind.ApiKey when c.Source.IsFile => "the Console-managed API key in " + c.Source.Path,
        CredentialKind.ApiKey => $"ANTHROPIC_API_KEY from {c.Source}",
        CredentialKind.ApiKeyHelper => $"the apiKeyHelper from {c.Source}",
        CredentialKind.AuthToken => $"ANTHROPIC_AUTH_TOKEN from {c.Source}",
        CredentialKind.OAuthToken => $"CLAUDE_CODE_OAUTH_TOKEN from {c.Source}",
        CredentialKind.Login when c.Source.Kind == SourceKind.Keychain => "your /login credentials in the macOS keychain",
        CredentialKind.Login => "your /login credentials in " + c.Source.Path,
        CredentialKind.Cloud => $"the cloud-provider flag {c.Source}",
        _ => "no credential",
    };

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

    /// <summary>The cloud provider a switch selects.</summary>
    public static string CloudName(string? flag) => flag switch
    {
        BillingVariables.UseBedrock => "Bedrock",
        BillingVariables.UseVertex => "Vertex",
        BillingVariables.UseFoundry => "Foundry",
        _ => "unknown",
    };
}
