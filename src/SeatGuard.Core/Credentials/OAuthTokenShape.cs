using System.Text.RegularExpressions;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>What a well-formed setup-token (OAuth access token) looks like, and how a pasted one goes wrong.</summary>
public static partial class OAuthTokenShape
{
    /// <summary>The prefix of a subscription OAuth access token.</summary>
    public const string Prefix = TokenShapes.OAuthAccessPrefix;

    [GeneratedRegex("^sk-ant-oat01-[A-Za-z0-9_-]{80,120}$")]
    private static partial Regex WellFormed();

    /// <summary>A description of what is wrong with the token, or null when it looks right.</summary>
    public static string? Problem(string token)
    {
        if (WellFormed().IsMatch(token)) return null;
        var trimmed = token.Trim().Trim('"', '\'');
        if (trimmed != token && WellFormed().IsMatch(trimmed)) return "it has surrounding whitespace or quotes";
        if (token.Any(char.IsWhiteSpace)) return "it contains whitespace or a line break (a copy-paste wrapped it)";
        if (token.StartsWith(TokenShapes.OAuthRefreshPrefix, StringComparison.Ordinal)) return $"it is a refresh token ({TokenShapes.OAuthRefreshPrefix}), not an access token";
        if (token.StartsWith(TokenShapes.ApiKeyPrefix, StringComparison.Ordinal)) return $"it is an API key ({TokenShapes.ApiKeyPrefix}), which bills the API, not the subscription";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return $"it does not start with {Prefix} as tokens from `claude setup-token` do";
        int body = token.Length - Prefix.Length;
        if (body < 80 || body > 120) return $"its body is {body} characters long, outside the usual 80–120 (truncated?)";
        return "it contains characters that never occur in these tokens";
    }
}
