namespace SeatGuard.Core.Common;

/// <summary>
/// Where Claude Code keeps its files, resolved the way Claude Code resolves them:
/// from <c>CLAUDE_CONFIG_DIR</c> and <c>HOME</c>, never hard-coded.
/// </summary>
public static class ClaudePaths
{
    /// <summary>The configuration directory that holds settings.json and .credentials.json.</summary>
    public static string ConfigDir(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir)) return Path.GetFullPath(overrideDir);
        var env = host.Get("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            // The first entry counts for settings and credentials; transcripts use every entry.
            var first = env.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
            if (first is not null) return ExpandHome(first, host);
        }
        return Path.Combine(host.Home, ".claude");
    }

    /// <summary><c>~/.claude.json</c> (or <c>$CLAUDE_CONFIG_DIR/.claude.json</c>): global state, approved keys.</summary>
    public static string GlobalStateFile(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir) || host.Has("CLAUDE_CONFIG_DIR"))
            return Path.Combine(ConfigDir(host, overrideDir), ".claude.json");
        return Path.Combine(host.Home, ".claude.json");
    }

    /// <summary>Every directory that can hold <c>projects/</c> transcripts, in Claude Code's order.</summary>
    public static IReadOnlyList<string> TranscriptRoots(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir)) return [Path.GetFullPath(overrideDir)];
        var env = host.Get("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            return env.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                      .Select(p => ExpandHome(p, host)).Distinct().ToArray();
        }
        return [Path.Combine(host.Home, ".config", "claude"), Path.Combine(host.Home, ".claude")];
    }

    /// <summary>Managed (enterprise) settings file for this OS.</summary>
    public static string ManagedSettingsFile(HostContext host) => host.Os switch
    {
        HostOs.MacOS => "/Library/Application Support/ClaudeCode/managed-settings.json",
        HostOs.Windows => @"C:\Program Files\ClaudeCode\managed-settings.json",
        _ => "/etc/claude-code/managed-settings.json",
    };

    /// <summary>SeatGuard's own data directory (ledger, usage cache): XDG on Linux.</summary>
    public static string SeatGuardDataDir(HostContext host)
    {
        var overrideDir = host.Get("SEATGUARD_DATA_DIR");
        if (!string.IsNullOrEmpty(overrideDir)) return overrideDir;
        var xdg = host.Get("XDG_DATA_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "seatguard");
        return host.Os == HostOs.MacOS
            ? Path.Combine(host.Home, "Library", "Application Support", "seatguard")
            : Path.Combine(host.Home, ".local", "share", "seatguard");
    }

    /// <summary>SeatGuard's config directory (owner, expected mode): XDG on Linux.</summary>
    public static string SeatGuardConfigDir(HostContext host)
    {
        var xdg = host.Get("XDG_CONFIG_HOME");
        if (!string.IsNullOrEmpty(xdg)) return Path.Combine(xdg, "seatguard");
        return Path.Combine(host.Home, ".config", "seatguard");
    }

    /// <summary>Expands a leading <c>~</c> (alone or followed by a separator) to the host's home directory; other paths are returned as given.</summary>
    public static string ExpandHome(string path, HostContext host) =>
        path == "~" ? host.Home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(host.Home, path[2..]) : Path.GetFullPath(path);
}
