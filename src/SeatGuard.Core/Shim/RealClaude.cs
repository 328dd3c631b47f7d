using SeatGuard.Core.Common;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Shim;

/// <summary>
/// The real Claude Code the shim launches: <c>SEATGUARD_CLAUDE</c>, else <c>"claude"</c> in SeatGuard's config, else
/// the first <c>claude</c> on PATH outside the shim's own directory — never the shim itself, nor another SeatGuard shim
/// (either would run SeatGuard in a loop).
/// </summary>
public static class RealClaude
{
    /// <summary>The real Claude Code's path; none found → <see cref="InputException"/> naming what was skipped.</summary>
    public static string Find(HostContext host, SeatConfig config, string? shimPath)
    {
        var shim = shimPath is { Length: > 0 } ? Canonical(Path.GetFullPath(shimPath, host.WorkingDirectory)) : null;
        var skipped = new List<string>();
        foreach (var (candidate, from) in Candidates(host, config))
        {
            var full = Resolve(candidate, host);
            if (full is null) { skipped.Add($"{from} ({candidate}) does not exist"); continue; }
            if (shim is not null && Canonical(full) == shim || ClaudeShim.IsShim(full)) { skipped.Add($"{from} ({full}) is SeatGuard's shim"); continue; }
            return full;
        }
        throw new InputException("SeatGuard's claude shim cannot find the real Claude Code" + (skipped.Count > 0 ? " (" + string.Join("; ", skipped) + ")" : "") +
            ". Set SEATGUARD_CLAUDE to its path, or \"claude\" in SeatGuard's config.json, or put it on PATH after the shim's directory.");
    }

    private static IEnumerable<(string Path, string From)> Candidates(HostContext host, SeatConfig config)
    {
        if (host.Get("SEATGUARD_CLAUDE") is { Length: > 0 } env) yield return (env, "SEATGUARD_CLAUDE");
        if (config.Claude is { Length: > 0 } configured) yield return (configured, "config.json claude");
        if (host.Get("PATH") is not { Length: > 0 } path) yield break;
        foreach (var dir in path.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
            yield return (Path.Combine(dir, ClaudeShim.FileName), "PATH");
    }

    /// <summary>An existing executable file for a path (a bare name is looked up relative to the working directory).</summary>
    private static string? Resolve(string candidate, HostContext host)
    {
        var full = Path.GetFullPath(candidate, host.WorkingDirectory);
        if (!File.Exists(full)) return null;
        if (!OperatingSystem.IsWindows() && (File.GetUnixFileMode(full) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) == 0) return null;
        return full;
    }

    /// <summary>The path with every symbolic link followed (how two names for one file compare equal).</summary>
    private static string Canonical(string path)
    {
        try
        {
            var info = new FileInfo(path);
            var target = info.LinkTarget is null ? null : info.ResolveLinkTarget(returnFinalTarget: true);
            var dir = Path.GetDirectoryName(target?.FullName ?? info.FullName)!;
            var real = new DirectoryInfo(dir).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dir;
            return Path.Combine(real, Path.GetFileName(target?.FullName ?? info.FullName));
        }
        catch (IOException)
        {
            return path;
        }
    }
}
