using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// What billing needs from <c>~/.claude.json</c>: a Console-managed key (<c>primaryApiKey</c>), and which
/// API keys the user approved or rejected for interactive sessions (stored as their last 20 characters).
/// </summary>
public sealed record GlobalStateFile(string Path, string? PrimaryApiKeyFingerprint, IReadOnlySet<string> ApprovedKeyTails, IReadOnlySet<string> RejectedKeyTails)
{
    /// <summary>
    /// The file is not valid JSON: measured on 2.1.332, Claude Code then refuses to start ("… is corrupted"). A byte
    /// order mark is accepted.
    /// </summary>
    public JsonProblem? Corrupted { get; init; }

    /// <summary>A state file that does not exist.</summary>
    public static GlobalStateFile Empty(string path) => new(path, null, new HashSet<string>(), new HashSet<string>());

    /// <summary>Reads the file; a missing or unreadable file is <see cref="Empty"/>.</summary>
    public static GlobalStateFile Read(string path)
    {
        byte[]? bytes;
        try
        {
            // ~/.claude.json grows with every project Claude Code has seen; allow more than a settings file.
            bytes = SafeFile.ReadAllBytes(path, SafeFile.DataLimit);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return Empty(path);
        }
        if (bytes is null || bytes.All(b => b is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t')) return Empty(path);
        var node = ClaudeJson.Parse(bytes, out var problem);
        if (problem is not null) return Empty(path) with { Corrupted = problem };
        if (node is not JsonObject root) return Empty(path);
        string? primary = root["primaryApiKey"] is JsonValue pk && pk.GetValueKind() == JsonValueKind.String && pk.GetValue<string>() is { Length: > 0 } key
            ? Remembered(key) : null;
        var approved = new HashSet<string>(StringComparer.Ordinal);
        var rejected = new HashSet<string>(StringComparer.Ordinal);
        if (root["customApiKeyResponses"] is JsonObject responses)
        {
            Collect(responses, "approved", approved);
            Collect(responses, "rejected", rejected);
        }
        return new GlobalStateFile(path, primary, approved, rejected);
    }

    private static string Remembered(string key)
    {
        Redactor.Remember(key);
        return Redactor.Fingerprint(key);
    }

    private static void Collect(JsonObject responses, string name, HashSet<string> into)
    {
        if (responses[name] is not JsonArray list) return;
        foreach (var e in list)
            if (e is JsonValue v && v.GetValueKind() == JsonValueKind.String) into.Add(v.GetValue<string>());
    }

    /// <summary>Claude Code keys its approvals by the key's last 20 characters.</summary>
    public static string Tail(string key) => key.Length <= 20 ? key : key[^20..];
}
