using System.Text.Json;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Launch;

/// <summary>
/// SeatGuard's small user config (<c>~/.config/seatguard/config.json</c>): who owns the seat and which
/// billing the user expects. <c>{"owner": "alice", "expectedMode": "subscription"}</c>.
/// </summary>
public sealed record SeatConfig(string Owner, string ExpectedMode, string? Path)
{
    public const string FileName = "config.json";

    public static string DefaultPath(HostContext host) => System.IO.Path.Combine(ClaudePaths.SeatGuardConfigDir(host), FileName);

    /// <summary>Reads the config; missing file → defaults (owner = the OS user). Malformed → <see cref="InvalidDataException"/>.</summary>
    public static SeatConfig Load(HostContext host)
    {
        var path = DefaultPath(host);
        string osUser = host.Get("USER") is { Length: > 0 } u ? u : host.Get("LOGNAME") is { Length: > 0 } l ? l : Environment.UserName;
        if (!File.Exists(path)) return new SeatConfig(osUser, LaunchModes.Subscription, null);
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllBytes(path), new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
            var root = doc.RootElement;
            string owner = root.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.String && o.GetString() is { Length: > 0 } ov ? ov : osUser;
            string mode = root.TryGetProperty("expectedMode", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : LaunchModes.Subscription;
            if (!LaunchModes.IsValid(mode)) throw new InvalidDataException($"{path}: expectedMode must be 'subscription' or 'api-key', not '{mode}'");
            return new SeatConfig(owner, mode, path);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{path}:{(e.LineNumber ?? 0) + 1}: not valid JSON ({e.Message.Split('.')[0]})");
        }
    }
}

public static class LaunchModes
{
    public const string Subscription = "subscription";
    public const string ApiKey = "api-key";

    public static bool IsValid(string mode) => mode is Subscription or ApiKey;
}
