using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>Installs or removes SeatGuard's status line and SessionStart hook in the chosen Claude Code settings file.</summary>
public static class HooksInstaller
{
    /// <summary>user: the config dir's settings.json; project: &lt;dir&gt;/.claude/settings.json; local: &lt;dir&gt;/.claude/settings.local.json.</summary>
    public static string SettingsPath(HostContext host, string scope, string? configDir) => scope switch
    {
        HooksScopes.User => Path.Combine(ClaudePaths.ConfigDir(host, configDir), "settings.json"),
        HooksScopes.Project => Path.Combine(host.WorkingDirectory, ".claude", "settings.json"),
        HooksScopes.Local => Path.Combine(host.WorkingDirectory, ".claude", "settings.local.json"),
        _ => throw new ArgumentOutOfRangeException(nameof(scope), scope, "scope must be user, project or local"),
    };

    /// <summary>Installs or removes the entries in the scope's settings file: a timestamped backup first, an atomic write, nothing written on a dry run.</summary>
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
        var notices = outcome.Notices.ToList();
        if (request.Install && request.Scope == HooksScopes.Project)
            notices.Add($"{path} is usually committed: everyone who clones the repository gets these entries, which name a program on this machine; " +
                        "--scope local writes .claude/settings.local.json (this machine only) instead");
        var text = SettingsFile.Serialize(settings);
        string? backup = null;
        if (outcome.Changed && !request.DryRun) backup = SettingsFile.Write(path, text, now);
        // What is shown (stdout, --json) has every credential value redacted; only the file itself keeps them.
        var shown = SettingsFile.Serialize((System.Text.Json.Nodes.JsonObject)Redactor.RedactJson(settings)!);
        return new HooksResult(request.Install ? "install" : "uninstall", request.Scope, path, outcome.Changed, request.DryRun,
            backup, outcome.Changes, notices.Select(Redactor.Scrub).ToArray(), shown);
    }
}
