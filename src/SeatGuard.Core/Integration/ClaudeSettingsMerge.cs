using System.Text.Json.Nodes;

namespace SeatGuard.Core.Integration;

/// <summary>
/// Adds and removes SeatGuard's <c>statusLine</c> and <c>hooks.SessionStart</c> entry in a Claude Code settings
/// object, in place, keeping every other key and every other hook as it is.
/// </summary>
public static class ClaudeSettingsMerge
{
    private const string HooksKey = "hooks";
    private const string StatusLineKey = "statusLine";

    /// <summary>Adds SeatGuard's status line and SessionStart hook to <paramref name="settings"/>, keeping every other key and hook; a foreign status line is replaced only with <paramref name="force"/>.</summary>
    public static MergeOutcome Install(JsonObject settings, SeatGuardCommands commands, bool force)
    {
        var changes = new List<string>();
        var notices = new List<string>();
        InstallStatusLine(settings, commands, force, changes, notices);
        InstallSessionStart(settings, commands, changes);
        return new MergeOutcome(changes, notices);
    }

    /// <summary>Removes exactly the entries <see cref="Install"/> adds (recognised by their commands).</summary>
    public static MergeOutcome Uninstall(JsonObject settings)
    {
        var changes = new List<string>();
        if (settings[StatusLineKey] is JsonObject line && IsOurCommand(line, SeatGuardCommands.StatusLineArgs))
        {
            settings.Remove(StatusLineKey);
            changes.Add("removed statusLine");
        }
        if (settings[HooksKey] is JsonObject hooks && hooks[SessionStartEvent] is JsonArray groups)
        {
            int removed = 0;
            foreach (var group in groups.OfType<JsonObject>().ToList())
            {
                if (group[HooksKey] is not JsonArray list) continue;
                foreach (var hook in list.OfType<JsonObject>().Where(h => IsOurCommand(h, SeatGuardCommands.SessionStartArgs)).ToList())
                {
                    list.Remove(hook);
                    removed++;
                }
                if (list.Count == 0) groups.Remove(group);
            }
            if (removed > 0)
            {
                changes.Add("removed hooks.SessionStart entry");
                if (groups.Count == 0) hooks.Remove(SessionStartEvent);
                if (hooks.Count == 0) settings.Remove(HooksKey);
            }
        }
        return new MergeOutcome(changes, []);
    }

    private const string SessionStartEvent = SessionStartHook.EventName;

    private static void InstallStatusLine(JsonObject settings, SeatGuardCommands commands, bool force, List<string> changes, List<string> notices)
    {
        var existing = settings[StatusLineKey];
        if (existing is JsonObject line && IsOurCommand(line, SeatGuardCommands.StatusLineArgs))
        {
            if (Text(line["command"]) == commands.StatusLine && Text(line["type"]) == "command") return;
            line["type"] = "command";
            line["command"] = commands.StatusLine;
            changes.Add("updated statusLine command");
            return;
        }
        if (existing is not null && !force)
        {
            var what = existing is JsonObject o && Text(o["command"]) is { } cmd ? $"\"{cmd}\"" : existing.ToJsonString();
            notices.Add($"kept your existing statusLine ({what}); rerun with --force to replace it with SeatGuard's");
            return;
        }
        settings[StatusLineKey] = new JsonObject { ["type"] = "command", ["command"] = commands.StatusLine };
        changes.Add(existing is null ? "added statusLine" : "replaced the existing statusLine (--force)");
    }

    private static void InstallSessionStart(JsonObject settings, SeatGuardCommands commands, List<string> changes)
    {
        var hooks = ObjectAt(settings, HooksKey);
        var groups = hooks[SessionStartEvent] switch
        {
            null => (JsonArray)(hooks[SessionStartEvent] = new JsonArray()),
            JsonArray a => a,
            _ => throw new InvalidDataException($"\"hooks.{SessionStartEvent}\" is not an array"),
        };
        var ours = groups.OfType<JsonObject>()
            .SelectMany(g => g[HooksKey] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(h => IsOurCommand(h, SeatGuardCommands.SessionStartArgs))
            .ToList();
        if (ours.Count > 0)
        {
            if (ours.All(h => Text(h["command"]) == commands.SessionStart)) return;
            foreach (var hook in ours) hook["command"] = commands.SessionStart;
            changes.Add("updated hooks.SessionStart command");
            return;
        }
        JsonNode group = new JsonObject
        {
            [HooksKey] = new JsonArray(new JsonObject { ["type"] = "command", ["command"] = commands.SessionStart }),
        };
        groups.Add(group);
        changes.Add("added hooks.SessionStart entry");
    }

    private static JsonObject ObjectAt(JsonObject parent, string key) => parent[key] switch
    {
        null => (JsonObject)(parent[key] = new JsonObject()),
        JsonObject o => o,
        _ => throw new InvalidDataException($"\"{key}\" is not an object"),
    };

    private static bool IsOurCommand(JsonObject entry, string args) => SeatGuardCommands.IsOurs(Text(entry["command"]), args);

    private static string? Text(JsonNode? node) => node is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;
}
