using System.Text.Json;
using SeatGuard.Core.Common;

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
    public bool HasInference => Scopes.Contains("user:inference");

    /// <summary>Usable by Claude Code: an access token with the <c>user:inference</c> scope.</summary>
    public bool Usable => AccessTokenFingerprint is not null && HasInference;

    /// <summary>The plan in words ("Max subscription", "Pro subscription"), or null when the file does not say.</summary>
    public string? PlanWords => SubscriptionType is { Length: > 0 } t ? char.ToUpperInvariant(t[0]) + t[1..] + " subscription" : null;

    public bool ReadableByOthers => Mode is { } m && (m & (UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.OtherRead | UnixFileMode.OtherWrite)) != 0;

    public static LoginCredentialsFile? Read(string path)
    {
        if (!File.Exists(path)) return null;
        UnixFileMode? mode = OperatingSystem.IsWindows() ? null : File.GetUnixFileMode(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path));
            if (!doc.RootElement.TryGetProperty("claudeAiOauth", out var oauth) || oauth.ValueKind != JsonValueKind.Object)
                return new LoginCredentialsFile(path, null, null, null, [], null, mode, "no claudeAiOauth entry");
            string? fp = null, prefix = null;
            if (oauth.TryGetProperty("accessToken", out var at) && at.ValueKind == JsonValueKind.String && at.GetString() is { Length: > 0 } token)
            {
                fp = Redactor.Fingerprint(token);
                prefix = Redactor.PublicPrefix(token);
            }
            DateTimeOffset? expires = oauth.TryGetProperty("expiresAt", out var ex) && ex.ValueKind == JsonValueKind.Number && ex.TryGetInt64(out var ms)
                ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
            var scopes = oauth.TryGetProperty("scopes", out var sc) && sc.ValueKind == JsonValueKind.Array
                ? sc.EnumerateArray().Where(s => s.ValueKind == JsonValueKind.String).Select(s => s.GetString()!).ToArray()
                : [];
            string? sub = oauth.TryGetProperty("subscriptionType", out var st) && st.ValueKind == JsonValueKind.String ? st.GetString() : null;
            return new LoginCredentialsFile(path, fp, prefix, expires, scopes, sub, mode, null);
        }
        catch (JsonException)
        {
            return new LoginCredentialsFile(path, null, null, null, [], null, mode, "not valid JSON");
        }
        catch (IOException e)
        {
            return new LoginCredentialsFile(path, null, null, null, [], null, mode, e.Message);
        }
        catch (UnauthorizedAccessException e)
        {
            return new LoginCredentialsFile(path, null, null, null, [], null, mode, e.Message);
        }
    }
}
