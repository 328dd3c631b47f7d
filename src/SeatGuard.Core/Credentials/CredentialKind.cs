using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>What a credential is, as the CLI contract names it.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<CredentialKind>))]
public enum CredentialKind
{
    /// <summary>No credential.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>An Anthropic API key (<c>ANTHROPIC_API_KEY</c>, or a Console-managed key): metered API billing.</summary>
    [JsonStringEnumMemberName("api-key")] ApiKey,
    /// <summary>A key printed by an <c>apiKeyHelper</c> command: metered API billing.</summary>
    [JsonStringEnumMemberName("api-key-helper")] ApiKeyHelper,
    /// <summary><c>ANTHROPIC_AUTH_TOKEN</c>: a bearer token for a gateway or proxy.</summary>
    [JsonStringEnumMemberName("auth-token")] AuthToken,
    /// <summary><c>CLAUDE_CODE_OAUTH_TOKEN</c> (from <c>claude setup-token</c>): the subscription.</summary>
    [JsonStringEnumMemberName("oauth-token")] OAuthToken,
    /// <summary>The <c>/login</c> credentials (file or keychain): the subscription.</summary>
    [JsonStringEnumMemberName("login")] Login,
    /// <summary>A cloud provider switch (Bedrock, Vertex, Foundry): that provider's account.</summary>
    [JsonStringEnumMemberName("cloud")] Cloud,
}
