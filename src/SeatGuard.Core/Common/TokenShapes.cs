namespace SeatGuard.Core.Common;

/// <summary>
/// What Anthropic's credentials look like: the one list of their public prefixes and the one definition of a
/// token character, shared by redaction, the scanner and the credential classifiers.
/// </summary>
public static class TokenShapes
{
    /// <summary>Anthropic API keys (Claude Console).</summary>
    public const string ApiKeyPrefix = "sk-ant-api03-";
    /// <summary>Anthropic Admin API keys.</summary>
    public const string AdminKeyPrefix = "sk-ant-admin01-";
    /// <summary>OAuth access tokens of a subscription (<c>claude setup-token</c>, /login).</summary>
    public const string OAuthAccessPrefix = "sk-ant-oat01-";
    /// <summary>OAuth refresh tokens.</summary>
    public const string OAuthRefreshPrefix = "sk-ant-ort01-";
    /// <summary>claude.ai web session keys.</summary>
    public const string SessionKeyPrefix = "sk-ant-sid01-";

    /// <summary>The family prefix every Anthropic credential starts with.</summary>
    public const string AnthropicPrefix = "sk-ant-";

    /// <summary>Every known prefix, longest match first where they overlap (they do not).</summary>
    public static readonly IReadOnlyList<string> KnownPrefixes = [ApiKeyPrefix, AdminKeyPrefix, OAuthAccessPrefix, OAuthRefreshPrefix, SessionKeyPrefix];

    /// <summary>A character that can occur in a token body: ASCII letters and digits, '-' and '_'.</summary>
    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    /// <summary>True when the value starts like an OAuth access token (a subscription credential).</summary>
    public static bool IsOAuthAccessToken(ReadOnlySpan<char> value) => value.StartsWith(OAuthAccessPrefix, StringComparison.Ordinal);
}
