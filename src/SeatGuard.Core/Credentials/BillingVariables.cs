namespace SeatGuard.Core.Credentials;

/// <summary>
/// Names of the variables that decide billing, and where Claude Code lets each one come from. Measured on
/// 2.1.330 and 2.1.332: a repository's settings (<c>.claude/settings.json</c>, <c>.claude/settings.local.json</c>)
/// may set <c>ANTHROPIC_API_KEY</c>, <c>ANTHROPIC_AUTH_TOKEN</c>, <c>ANTHROPIC_BASE_URL</c>, the provider switches
/// and <c>ANTHROPIC_CUSTOM_HEADERS</c>, but not <c>CLAUDE_CODE_OAUTH_TOKEN</c>, <c>CLAUDE_CODE_SIMPLE</c>,
/// <c>ANTHROPIC_PROFILE</c> or the federation variables (those count from the environment, user, <c>--settings</c>
/// and managed settings); the file-descriptor variables count only from the process environment.
/// </summary>
public static class BillingVariables
{
    /// <summary>An Anthropic API key (metered billing).</summary>
    public const string ApiKey = "ANTHROPIC_API_KEY";
    /// <summary>A bearer token, usually for a gateway.</summary>
    public const string AuthToken = "ANTHROPIC_AUTH_TOKEN";
    /// <summary>A subscription OAuth token (<c>claude setup-token</c>).</summary>
    public const string OAuthToken = "CLAUDE_CODE_OAUTH_TOKEN";
    /// <summary>Where requests go: another endpoint means a gateway or proxy.</summary>
    public const string BaseUrl = "ANTHROPIC_BASE_URL";
    /// <summary>Extra request headers; can carry an <c>Authorization</c> or <c>x-api-key</c> header.</summary>
    public const string CustomHeaders = "ANTHROPIC_CUSTOM_HEADERS";

    /// <summary>Selects Amazon Bedrock.</summary>
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    /// <summary>Selects Google Vertex AI.</summary>
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    /// <summary>Selects Microsoft Foundry.</summary>
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    /// <summary>Selects Claude on AWS run by Anthropic.</summary>
    public const string UseAnthropicAws = "CLAUDE_CODE_USE_ANTHROPIC_AWS";
    /// <summary>Selects Claude on Google Cloud run by Anthropic.</summary>
    public const string UseAnthropicGoogleCloud = "CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD";
    /// <summary>Selects the Mantle provider.</summary>
    public const string UseMantle = "CLAUDE_CODE_USE_MANTLE";
    /// <summary>Selects the Claude apps (Cloud) gateway: <c>ANTHROPIC_AUTH_TOKEN</c> is then the only credential.</summary>
    public const string UseGateway = "CLAUDE_CODE_USE_GATEWAY";

    /// <summary>What <c>--bare</c> sets: Anthropic auth is only an API key, an auth token or a <c>--settings</c> apiKeyHelper.</summary>
    public const string Simple = "CLAUDE_CODE_SIMPLE";

    /// <summary>A file descriptor Claude Code reads the OAuth token from.</summary>
    public const string OAuthTokenFd = "CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR";
    /// <summary>A file descriptor Claude Code reads the API key from.</summary>
    public const string ApiKeyFd = "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR";
    /// <summary>An OAuth refresh token; <c>claude -p</c> does not log in with it.</summary>
    public const string RefreshToken = "CLAUDE_CODE_OAUTH_REFRESH_TOKEN";
    /// <summary>The scopes that go with <see cref="RefreshToken"/>.</summary>
    public const string OAuthScopes = "CLAUDE_CODE_OAUTH_SCOPES";

    /// <summary>The <c>ant</c> profile of <c>~/.config/anthropic</c> to use.</summary>
    public const string Profile = "ANTHROPIC_PROFILE";
    /// <summary>Where the <c>ant</c> profiles live instead of <c>~/.config/anthropic</c>.</summary>
    public const string AnthropicConfigDir = "ANTHROPIC_CONFIG_DIR";
    /// <summary>Workload identity federation: the federation rule.</summary>
    public const string FederationRuleId = "ANTHROPIC_FEDERATION_RULE_ID";
    /// <summary>Workload identity federation: the organization.</summary>
    public const string OrganizationId = "ANTHROPIC_ORGANIZATION_ID";
    /// <summary>Workload identity federation: the identity token itself.</summary>
    public const string IdentityToken = "ANTHROPIC_IDENTITY_TOKEN";
    /// <summary>Workload identity federation: a file holding the identity token.</summary>
    public const string IdentityTokenFile = "ANTHROPIC_IDENTITY_TOKEN_FILE";

    /// <summary>The provider switches in the order Claude Code tests them (the first one set wins).</summary>
    public static readonly string[] CloudFlags = [UseBedrock, UseFoundry, UseAnthropicAws, UseAnthropicGoogleCloud, UseMantle, UseVertex];

    /// <summary>Variables whose values are secrets: only a fingerprint is kept.</summary>
    public static readonly string[] Secrets = [ApiKey, AuthToken, OAuthToken, RefreshToken, IdentityToken, CustomHeaders];

    /// <summary>Every variable the inventory reads.</summary>
    public static readonly string[] All =
    [
        ApiKey, AuthToken, OAuthToken, BaseUrl, CustomHeaders, .. CloudFlags, UseGateway, Simple, OAuthTokenFd, ApiKeyFd,
        RefreshToken, OAuthScopes, Profile, FederationRuleId, OrganizationId, IdentityToken, IdentityTokenFile,
    ];

    /// <summary>Variables a repository's settings files cannot set (Claude Code ignores them there).</summary>
    private static readonly HashSet<string> NotFromRepository =
        [OAuthToken, Simple, Profile, FederationRuleId, OrganizationId, IdentityToken, IdentityTokenFile, RefreshToken, OAuthScopes];

    /// <summary>Variables that count only from the process environment.</summary>
    private static readonly HashSet<string> EnvironmentOnly = [OAuthTokenFd, ApiKeyFd];

    /// <summary>Proxy variables: the probe removes them so its loopback request goes straight to its own listener.</summary>
    public static readonly string[] Proxies = ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "https_proxy", "http_proxy", "all_proxy"];

    /// <summary>Whether the variable's value is a credential.</summary>
    public static bool IsSecret(string name) => Secrets.Contains(name);

    /// <summary>Whether a settings file of this scope can set this variable for Claude Code.</summary>
    public static bool SettableFrom(string name, SettingsScope scope) =>
        !EnvironmentOnly.Contains(name) && !(scope is SettingsScope.Project or SettingsScope.Local && NotFromRepository.Contains(name));

    /// <summary>Claude Code's reading of a switch: 1, true, yes or on (any case, trimmed).</summary>
    public static bool IsTruthy(string? value) =>
        value?.Trim().ToLowerInvariant() is "1" or "true" or "yes" or "on";

    /// <summary>The variable that carries a credential of this kind, or null (helpers, logins and clouds have none).</summary>
    public static string? Of(CredentialKind kind) => kind switch
    {
        CredentialKind.ApiKey => ApiKey,
        CredentialKind.AuthToken => AuthToken,
        CredentialKind.OAuthToken => OAuthToken,
        CredentialKind.Profile => Profile,
        _ => null,
    };

    /// <summary>A provider switch in words, as Claude Code names the provider.</summary>
    public static string CloudName(string? flag) => flag switch
    {
        UseBedrock => "Amazon Bedrock",
        UseVertex => "Google Vertex AI",
        UseFoundry => "Microsoft Foundry",
        UseAnthropicAws => "Claude Platform on AWS",
        UseAnthropicGoogleCloud => "Claude Platform on Google Cloud",
        UseMantle => "Amazon Bedrock (Mantle)",
        _ => "a cloud provider",
    };

    /// <summary>The name <c>allowedProviders</c> uses for a provider switch.</summary>
    public static string ProviderId(string? flag) => flag switch
    {
        UseBedrock => "bedrock",
        UseVertex => "vertex",
        UseFoundry => "foundry",
        UseAnthropicAws => "anthropicAws",
        UseAnthropicGoogleCloud => "anthropicGoogleCloud",
        UseMantle => "mantle",
        _ => "anthropic",
    };
}
