namespace SeatGuard.Core.Credentials;

/// <summary>Names of the variables that decide billing.</summary>
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
    /// <summary>Selects Amazon Bedrock.</summary>
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    /// <summary>Selects Google Vertex AI.</summary>
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    /// <summary>Selects Microsoft Foundry.</summary>
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    /// <summary>A file descriptor Claude Code reads the OAuth token from.</summary>
    public const string OAuthTokenFd = "CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR";
    /// <summary>A file descriptor Claude Code reads the API key from.</summary>
    public const string ApiKeyFd = "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR";
    /// <summary>The named credentials profile.</summary>
    public const string Profile = "ANTHROPIC_PROFILE";

    /// <summary>The cloud-provider switches.</summary>
    public static readonly string[] CloudFlags = [UseBedrock, UseVertex, UseFoundry];
    /// <summary>The variables whose values are credentials.</summary>
    public static readonly string[] Secrets = [ApiKey, AuthToken, OAuthToken];
    /// <summary>Every variable that can change which bill a run hits.</summary>
    public static readonly string[] All = [ApiKey, AuthToken, OAuthToken, BaseUrl, UseBedrock, UseVertex, UseFoundry, OAuthTokenFd, ApiKeyFd, Profile];

    /// <summary>Whether the variable's value is a credential.</summary>
    public static bool IsSecret(string name) => Secrets.Contains(name);

    /// <summary>Whether a switch value turns a flag on, as Claude Code reads it (<c>1</c>, <c>true</c>, …).</summary>
    public static bool IsTruthy(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));

    /// <summary>The variable that carries a credential of this kind, or null (helpers, logins and clouds have none).</summary>
    public static string? Of(CredentialKind kind) => kind switch
    {
        CredentialKind.ApiKey => ApiKey,
        CredentialKind.AuthToken => AuthToken,
        CredentialKind.OAuthToken => OAuthToken,
        _ => null,
    };
}
