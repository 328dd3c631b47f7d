using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Shim;

/// <summary>
/// <c>seatguard shim install|uninstall</c>: an executable named <c>claude</c> that programs starting Claude Code
/// themselves (the Agent SDKs, <c>subprocess</c>, <c>child_process</c>) run instead of the real one. It is a two-line
/// POSIX shell script that <c>exec</c>s <c>seatguard shim exec</c> with its own arguments, so arguments, stdin, stdout,
/// stderr, the exit code and signals reach SeatGuard untouched; SeatGuard then launches the real Claude Code through
/// its one-credential plan (see <c>docs/sdk.md</c>).
/// </summary>
public static class ClaudeShim
{
    /// <summary>The marker on the shim's second line: how SeatGuard tells its shim from a real claude (and never runs itself).</summary>
    public const string Marker = "seatguard-claude-shim";

    /// <summary>The shim's file name: what callers run.</summary>
    public const string FileName = "claude";

    /// <summary>Where the shim goes by default: <c>shim/</c> in SeatGuard's data directory (put it first on PATH, or name it in the SDK options).</summary>
    public static string DefaultDirectory(HostContext host) => Path.Combine(ClaudePaths.SeatGuardDataDir(host), "shim");

    /// <summary>The script that runs <paramref name="seatguardCommand"/> (already shell-quoted) as the shim.</summary>
    public static string Script(string seatguardCommand) =>
        "#!/bin/sh\n" +
        $"# {Marker} 1: Claude Code launched through SeatGuard (one credential, verified, recorded). `seatguard shim uninstall` removes it.\n" +
        $"exec {seatguardCommand} shim exec --shim \"$0\" -- \"$@\"\n";

    /// <summary>Writes the shim into <paramref name="directory"/>; an existing <c>claude</c> that is not SeatGuard's is left alone unless <paramref name="force"/>.</summary>
    public static ShimResult Install(string directory, string seatguardCommand, bool force)
    {
        var dir = Path.GetFullPath(directory);
        var path = Path.Combine(dir, FileName);
        bool existed = File.Exists(path) || SafeFile.Exists(path);
        if (existed && !IsShim(path) && !force)
            throw new InputException($"{path} exists and is not SeatGuard's shim (a real claude?). Choose another --dir, or pass --force to replace it.");
        Directory.CreateDirectory(dir);
        const UnixFileMode executable = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                        UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;
        AtomicFile.WriteAllText(path, Script(seatguardCommand), executable, createDirectory: false);
        return new ShimResult("install", path, existed ? "replaced" : "written", seatguardCommand);
    }

    /// <summary>Removes SeatGuard's shim from <paramref name="directory"/> (a <c>claude</c> that is not the shim is never touched).</summary>
    public static ShimResult Uninstall(string directory)
    {
        var path = Path.Combine(Path.GetFullPath(directory), FileName);
        if (!File.Exists(path)) return new ShimResult("uninstall", path, "absent", null);
        if (!IsShim(path)) throw new InputException($"{path} is not SeatGuard's shim; leaving it alone.");
        File.Delete(path);
        return new ShimResult("uninstall", path, "removed", null);
    }

    /// <summary>True when the file is a SeatGuard shim (its first 512 bytes carry the marker).</summary>
    public static bool IsShim(string path)
    {
        try
        {
            using var handle = SafeFile.OpenRegular(path);
            if (handle is null) return false;
            var head = new byte[512];
            int n = RandomAccess.Read(handle, head, 0);
            return System.Text.Encoding.UTF8.GetString(head, 0, n).Contains(Marker, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
