using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>Installs or removes SeatGuard's status line and SessionStart hook in the chosen Claude Code settings file.</summary>
public static class HooksInstaller
{
    /// <summary>user: the config dir's settings.json; project: &lt;dir&gt;/.claude/settings.json.</summary>
    public static string SettingsPath(HostContext host, string scope, string? configDir) => scope switch
    {
        HooksScopes.User => Path.Combine(ClaudePaths.ConfigDir(host, configDir), "settings.json"),
        HooksScopes.Project => Path.Combine(host.WorkingDirectory, ".claude", "settings.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "scope must be user or project"),
    };

    public static HooksResult Run(HostContext host, HooksRequest request, string? configDir, DateTimeOffset now)
    {
        var path = SettingsPath(host, request.Scope, configDir);
        var settings = SettingsFile.Load(path);
        MergeOutcome outcome;
        try
        {
            outcome = request.Install
                ? ClaudeSettingsMerge.Install(settings, request.Commands, request.Force)
                : ClaudeSettingsMerge.Uninstall(settings);
        }
        catch (InvalidDataException e)
        {
            throw new SettingsFileException($"{path}: {e.Message}; nothing was changed");
        }
        var text = SettingsFile.Serialize(settings);
        string? backup = null;
        if (outcome.Changed && !request.DryRun) backup = SettingsFile.Write(path, text, now);
        // What is shown (stdout, --json) has every credential value redacted; only the file itself keeps them.
        var shown = SettingsFile.Serialize((System.Text.Json.Nodes.JsonObject)Redactor.RedactJson(settings)!);
        return new HooksResult(request.Install ? "install" : "uninstall", request.Scope, path, outcome.Changed, request.DryRun,
            backup, outcome.Changes, outcome.Notices.Select(Redactor.Scrub).ToArray(), shown);
    }
}
