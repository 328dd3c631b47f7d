namespace SeatGuard.Core.Common;

/// <summary>
/// Where Claude Code keeps its files, resolved the way Claude Code resolves them:
/// from <c>CLAUDE_CONFIG_DIR</c> and <c>HOME</c>, never hard-coded.
/// </summary>
public static class ClaudePaths
{
    /// <summary>
    /// The configuration directory that holds settings.json and .credentials.json. Claude Code uses
    /// <c>CLAUDE_CONFIG_DIR</c> literally (measured on 2.1.330 and 2.1.332): no comma splitting, no <c>~</c>
    /// expansion, a relative value is relative to the working directory.
    /// </summary>
    public static string ConfigDir(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir)) return Path.GetFullPath(overrideDir, host.WorkingDirectory);
        if (LiteralConfigDir(host) is { } literal) return literal;
        return Path.Combine(host.Home, ".claude");
    }

    /// <summary>
    /// <c>CLAUDE_CONFIG_DIR</c> as Claude Code itself resolves it, or null when unset. Set but empty, it is the working
    /// directory (measured on 2.1.330: settings.json and .credentials.json are then read from there, while
    /// <c>~/.claude.json</c> stays in HOME).
    /// </summary>
    public static string? LiteralConfigDir(HostContext host) =>
        host.Get("CLAUDE_CONFIG_DIR") is { } env ? (env.Length == 0 ? host.WorkingDirectory : Path.GetFullPath(env, host.WorkingDirectory)) : null;

    /// <summary><c>~/.claude.json</c> (or <c>$CLAUDE_CONFIG_DIR/.claude.json</c>): global state, approved keys.</summary>
    public static string GlobalStateFile(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir) || host.Has("CLAUDE_CONFIG_DIR"))
            return Path.Combine(ConfigDir(host, overrideDir), ".claude.json");
        return Path.Combine(host.Home, ".claude.json");
    }

    /// <summary>
    /// Every directory that can hold <c>projects/</c> transcripts. Claude Code itself writes them under the literal
    /// <c>CLAUDE_CONFIG_DIR</c>; ccusage splits the variable on commas (and expands <c>~</c>) to read several
    /// directories. SeatGuard reads both: ccusage's list, then the literal directory when it differs.
    /// </summary>
    public static IReadOnlyList<string> TranscriptRoots(HostContext host, string? overrideDir = null)
    {
        if (!string.IsNullOrEmpty(overrideDir)) return [Path.GetFullPath(overrideDir, host.WorkingDirectory)];
        var env = host.Get("CLAUDE_CONFIG_DIR");
        if (!string.IsNullOrEmpty(env))
        {
            var roots = env.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
                      .Select(p => ExpandHome(p, host)).ToList();
            if (LiteralConfigDir(host) is { } literal && Directory.Exists(Path.Combine(literal, "projects"))) roots.Add(literal);
            return roots.Distinct().ToArray();
        }
        string[] defaults = [Path.Combine(host.Home, ".config", "claude"), Path.Combine(host.Home, ".claude")];
        // Set but empty: ccusage reads its defaults, while Claude Code writes to the working directory's projects/.
        if (env is not null && LiteralConfigDir(host) is { } cwd && Directory.Exists(Path.Combine(cwd, "projects"))) return [.. defaults, cwd];
        return defaults;
    }

    /// <summary>Managed (enterprise) settings file for this OS.</summary>
    public static string ManagedSettingsFile(HostContext host) => host.Os switch
    {
        HostOs.MacOS => "/Library/Application Support/ClaudeCode/managed-settings.json",
        HostOs.Windows => @"C:\Program Files\ClaudeCode\managed-settings.json",
        _ => "/etc/claude-code/managed-settings.json",
    };

    /// <summary>
    /// Every managed settings file, in the order Claude Code applies them (a later file's value wins): the base file,
    /// then the drop-ins of <c>managed-settings.d/*.json</c> by name (measured on 2.1.332: <c>20-b.json</c> beats
    /// <c>10-a.json</c>, which beats the base file).
    /// </summary>
    public static IReadOnlyList<string> ManagedSettingsFiles(HostContext host)
    {
        var file = ManagedSettingsFile(host);
        var list = new List<string> { file };
        var dropIns = Path.Combine(Path.GetDirectoryName(file)!, "managed-settings.d");
        try
        {
            if (Directory.Exists(dropIns))
                list.AddRange(Directory.EnumerateFiles(dropIns, "*.json").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unreadable drop-in directory contributes nothing.
        }
        return list;
    }

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

    /// <summary>ccusage's reading of one entry of <c>CLAUDE_CONFIG_DIR</c> (transcripts only): <c>~</c> expanded.</summary>
    public static string ExpandHome(string path, HostContext host) =>
        path == "~" ? host.Home : path.StartsWith("~/", StringComparison.Ordinal) ? Path.Combine(host.Home, path[2..]) : Path.GetFullPath(path, host.WorkingDirectory);
}
