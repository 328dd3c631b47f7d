using System.Text.Json;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// What billing needs from <c>~/.claude.json</c>: a Console-managed key (<c>primaryApiKey</c>), and which
/// API keys the user approved or rejected for interactive sessions (stored as their last 20 characters).
/// </summary>
public sealed record GlobalStateFile(string Path, string? PrimaryApiKeyFingerprint, IReadOnlySet<string> ApprovedKeyTails, IReadOnlySet<string> RejectedKeyTails)
{
    public static GlobalStateFile Empty(string path) => new(path, null, new HashSet<string>(), new HashSet<string>());

    public static GlobalStateFile Read(string path)
    {
        if (!File.Exists(path)) return Empty(path);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true });
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return Empty(path);
            string? primary = root.TryGetProperty("primaryApiKey", out var pk) && pk.ValueKind == JsonValueKind.String && pk.GetString() is { Length: > 0 } key
                ? Redactor.Fingerprint(key) : null;
            var approved = new HashSet<string>(StringComparer.Ordinal);
            var rejected = new HashSet<string>(StringComparer.Ordinal);
            if (root.TryGetProperty("customApiKeyResponses", out var responses) && responses.ValueKind == JsonValueKind.Object)
            {
                Collect(responses, "approved", approved);
                Collect(responses, "rejected", rejected);
            }
            return new GlobalStateFile(path, primary, approved, rejected);
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            return Empty(path);
        }
    }

    private static void Collect(JsonElement responses, string name, HashSet<string> into)
    {
        if (!responses.TryGetProperty(name, out var list) || list.ValueKind != JsonValueKind.Array) return;
        foreach (var e in list.EnumerateArray())
            if (e.ValueKind == JsonValueKind.String) into.Add(e.GetString()!);
    }

    /// <summary>Claude Code keys its approvals by the key's last 20 characters.</summary>
    public static string Tail(string key) => key.Length <= 20 ? key : key[^20..];
}
