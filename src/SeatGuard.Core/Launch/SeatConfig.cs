using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// SeatGuard's small user config (<c>~/.config/seatguard/config.json</c>): who owns the seat and which
/// billing the user expects. <c>{"owner": "alice", "expectedMode": "subscription"}</c>. For the team store also
/// <c>"person"</c> (whose machine this is), <c>"machine"</c> (its name) and <c>"teamStore"</c> (the store's URL).
/// </summary>
public sealed record SeatConfig(string Owner, Billing ExpectedMode, string? Path)
{
    /// <summary>Whose machine this is in the team view (default: the OS user).</summary>
    public string? Person { get; init; }

    /// <summary>This machine's name in the team view (default: the host name).</summary>
    public string? Machine { get; init; }

    /// <summary>The team store (<c>postgresql://…</c>) <c>seatguard sync</c> and <c>team report</c> use by default.</summary>
    public string? TeamStore { get; init; }

    /// <summary>The config file's name.</summary>
    public const string FileName = "config.json";

    /// <summary>Where the config file is: <c>$XDG_CONFIG_HOME/seatguard/config.json</c>, else <c>~/.config/seatguard/config.json</c>.</summary>
    public static string DefaultPath(HostContext host) => System.IO.Path.Combine(ClaudePaths.SeatGuardConfigDir(host), FileName);

    /// <summary>Reads the config; missing file → defaults (owner = the OS user). Malformed → <see cref="InputException"/>.</summary>
    public static SeatConfig Load(HostContext host)
    {
        var path = DefaultPath(host);
        var defaults = new SeatConfig(host.User, Billing.Subscription, null);
        byte[]? bytes;
        try
        {
            bytes = SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit);
        }
        catch (UnreadableFileException e)
        {
            throw new InputException($"{path}: {e.Reason}");
        }
        if (bytes is null) return defaults;
        var root = ClaudeJson.ParseObject(bytes, out var problem, lenient: true)
            ?? throw new InputException(problem!.Line > 0
                ? $"{path}:{problem.Line}: not valid JSON ({problem.Message})"
                : $"{path}: {problem.Message}; expected {{\"owner\": \"NAME\", \"expectedMode\": \"subscription\"}}");
        string owner = root["owner"] is System.Text.Json.Nodes.JsonValue o && o.TryGetValue<string>(out var ov) && ov.Length > 0 ? ov : host.User;
        var mode = Billing.Subscription;
        if (root["expectedMode"] is { } m)
        {
            var text = m is System.Text.Json.Nodes.JsonValue mv && mv.TryGetValue<string>(out var t) ? t : m.ToJsonString();
            if (!BillingNames.TryParseMode(text, out mode))
                throw new InputException($"{path}: expectedMode must be 'subscription' or 'api-key', not '{text}'");
        }
        return new SeatConfig(owner, mode, path) { Person = Text(root, "person"), Machine = Text(root, "machine"), TeamStore = Text(root, "teamStore") };
    }

    private static string? Text(System.Text.Json.Nodes.JsonObject root, string name) =>
        root[name] is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text) && text.Trim().Length > 0 ? text.Trim() : null;
}
