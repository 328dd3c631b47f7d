using System.Security.Cryptography;

namespace SeatGuard.TestKit;

/// <summary>
/// Builds credential-shaped strings at run time (prefix + generated body) so that no file in the
/// repository looks like a live token. Every token is random and worthless.
/// </summary>
public static class FakeTokens
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    public const string ApiKeyPrefix = "sk-ant-" + "api03-";
    public const string AdminKeyPrefix = "sk-ant-" + "admin01-";
    public const string OAuthPrefix = "sk-ant-" + "oat01-";
    public const string RefreshPrefix = "sk-ant-" + "ort01-";

    public static string Body(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (int i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>An API key: prefix + 93 characters + "AA".</summary>
    public static string ApiKey() => ApiKeyPrefix + Body(93) + "AA";

    public static string AdminKey() => AdminKeyPrefix + Body(93) + "AA";

    /// <summary>A setup-token / OAuth access token.</summary>
    public static string OAuthToken(int bodyLength = 95) => OAuthPrefix + Body(bodyLength);

    public static string RefreshToken(int bodyLength = 95) => RefreshPrefix + Body(bodyLength);

    /// <summary>A gateway bearer token with no Anthropic prefix.</summary>
    /// <remarks>It ends in a letter or digit: a body ending in '-' or '_' has no word boundary before a newline, and a
    /// rule's <c>\b…\b</c> pattern then (rightly) does not match it — one test run in 32 failed that way.</remarks>
    public static string GatewayToken() => "gw-" + Body(39) + Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length - 2)];
}
