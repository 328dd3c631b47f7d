namespace SeatGuard.Core.Credentials;

/// <summary>Names of the variables that decide billing.</summary>
public static class BillingVariables
{
    public const string ApiKey = "ANTHROPIC_API_KEY";
    public const string AuthToken = "ANTHROPIC_AUTH_TOKEN";
    public const string OAuthToken = "CLAUDE_CODE_OAUTH_TOKEN";
    public const string BaseUrl = "ANTHROPIC_BASE_URL";
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    public const string OAuthTokenFd = "CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR";
    public const string ApiKeyFd = "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR";
    public const string Profile = "ANTHROPIC_PROFILE";

    public static readonly string[] CloudFlags = [UseBedrock, UseVertex, UseFoundry];
    public static readonly string[] Secrets = [ApiKey, AuthToken, OAuthToken];
    public static readonly string[] All = [ApiKey, AuthToken, OAuthToken, BaseUrl, UseBedrock, UseVertex, UseFoundry, OAuthTokenFd, ApiKeyFd, Profile];

    public static bool IsSecret(string name) => Secrets.Contains(name);

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
