using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The <c>/login</c> credentials file (<c>.credentials.json</c>), read only to classify it: fingerprint of
/// the access token, expiry, scopes, subscription type, file permissions. The token itself is dropped at once.
/// </summary>
public sealed record LoginCredentialsFile(
    string Path,
    string? AccessTokenFingerprint,
    string? AccessTokenPrefix,
    DateTimeOffset? ExpiresAt,
    IReadOnlyList<string> Scopes,
    string? SubscriptionType,
    UnixFileMode? Mode,
    string? Error)
{
    /// <summary>
    /// The scopes were a string, not a list. Claude Code (2.1.330, 2.1.332) then still finds "user:inference" in it
    /// and sends the token, but without the OAuth header the API needs: the run fails.
    /// </summary>
    public bool ScopesMalformed { get; init; }

    /// <summary>
    /// The URL of a Claude apps (Cloud) gateway sign-in kept in the same store (<c>enterpriseGateway</c>, written by
    /// <c>/login</c> to an organization's gateway), or null. A valid one puts Claude Code in gateway mode; SeatGuard
    /// cannot check its validity offline (measured on 2.1.332: an entry without the full sign-in data is ignored).
    /// </summary>
    public string? GatewaySignIn { get; init; }

    /// <summary>Whether the token may be used for inference (scope <c>user:inference</c>, also inside a malformed scope string).</summary>
    public bool HasInference => Scopes.Contains("user:inference") || ScopesMalformed && Scopes.Any(s => s.Contains("user:inference", StringComparison.Ordinal));

    /// <summary>Usable by Claude Code: an access token with the <c>user:inference</c> scope.</summary>
    public bool Usable => AccessTokenFingerprint is not null && HasInference;

    /// <summary>The plan in words ("Max subscription", "Pro subscription"), or null when the file does not say.</summary>
    public string? PlanWords => SubscriptionType is { Length: > 0 } t ? char.ToUpperInvariant(t[0]) + t[1..] + " subscription" : null;

    /// <summary>Whether the file's mode lets other users read or write it.</summary>
    public bool ReadableByOthers => Mode is { } m && (m & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    /// <summary>Reads the file (kind, expiry, fingerprint; never the token itself), or null when it does not exist.</summary>
    public static LoginCredentialsFile? Read(string path)
    {
        byte[]? bytes;
        UnixFileMode? mode = null;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit);
            if (bytes is null) return null;
            if (!OperatingSystem.IsWindows()) mode = File.GetUnixFileMode(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new LoginCredentialsFile(path, null, null, null, [], null, mode, e is UnreadableFileException u ? u.Reason : e.Message);
        }
        // Unlike settings files, a byte order mark makes this file unreadable for Claude Code (measured).
        var root = ClaudeJson.Parse(bytes, out var problem, acceptBom: false);
        if (problem is not null) return new LoginCredentialsFile(path, null, null, null, [], null, mode, "not valid JSON (" + problem + ")");
        string? gateway = root is JsonObject r && r["enterpriseGateway"] is JsonObject g ? StringOf(g["url"]) ?? "(no url)" : null;
        if (root is not JsonObject obj || obj["claudeAiOauth"] is not JsonObject oauth)
            return new LoginCredentialsFile(path, null, null, null, [], null, mode, gateway is null ? "no claudeAiOauth entry" : null) { GatewaySignIn = gateway };
        string? fp = null, prefix = null;
        Redactor.Remember(StringOf(oauth["refreshToken"]));
        if (StringOf(oauth["accessToken"]) is { Length: > 0 } token)
        {
            Redactor.Remember(token);
            fp = Redactor.Fingerprint(token);
            prefix = Redactor.PublicPrefix(token);
        }
        DateTimeOffset? expires = null;
        if (oauth["expiresAt"] is JsonValue ev && ev.GetValueKind() == JsonValueKind.Number && ev.TryGetValue<long>(out var ms)
            && ms is > -62135596800000 and < 253402300799000)
            expires = DateTimeOffset.FromUnixTimeMilliseconds(ms);
        var scopes = oauth["scopes"] is JsonArray sc ? sc.Select(StringOf).OfType<string>().ToArray()
            : StringOf(oauth["scopes"]) is { } text ? [text] : [];
        return new LoginCredentialsFile(path, fp, prefix, expires, scopes, StringOf(oauth["subscriptionType"]), mode, null)
        {
            ScopesMalformed = oauth["scopes"] is JsonValue,
            GatewaySignIn = gateway,
        };
    }

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
