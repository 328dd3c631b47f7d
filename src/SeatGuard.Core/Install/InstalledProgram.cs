using SeatGuard.Core.Common;

namespace SeatGuard.Core.Install;

/// <summary>
/// Where an installed <c>seatguard</c> is: on PATH (e.g. <c>~/.local/bin/seatguard</c> from <c>seatguard install</c>), or the
/// shim <c>dotnet tool install -g seatguard</c> made; and whether a path is a build folder that is replaced on every rebuild.
/// </summary>
public static class InstalledProgram
{
    /// <summary>The command name.</summary>
    public const string Name = "seatguard";

    /// <summary>
    /// The first <c>seatguard</c> on the host's PATH that is not in a build folder, else the .NET tool shim
    /// (<c>$DOTNET_CLI_HOME/.dotnet/tools</c> or <c>~/.dotnet/tools</c>), else null. Paths are returned as found (not
    /// resolved through symlinks), so they stay valid across upgrades.
    /// </summary>
    public static string? Find(HostContext host)
    {
        var exe = host.Os == HostOs.Windows ? Name + ".exe" : Name;
        foreach (var dir in (host.Get("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (!Path.IsPathFullyQualified(dir)) continue;
            var candidate = Path.Combine(dir, exe);
            if (IsExecutableFile(candidate) && !IsInBuildFolder(candidate)) return candidate;
        }
        var shim = DotnetToolShim(host);
        return IsExecutableFile(shim) ? shim : null;
    }

    /// <summary>Where <c>dotnet tool install -g</c> puts the <c>seatguard</c> shim on this host.</summary>
    public static string DotnetToolShim(HostContext host)
    {
        var cliHome = host.Get("DOTNET_CLI_HOME") is { Length: > 0 } h ? h : host.Home;
        return Path.Combine(cliHome, ".dotnet", "tools", host.Os == HostOs.Windows ? Name + ".exe" : Name);
    }

    /// <summary>
    /// True for paths inside a build output that is deleted or replaced when the sources change: the launcher's
    /// <c>.build/</c>, a project's <c>obj/</c> or <c>bin/Debug|Release/</c>, the version folders of the .NET tool store.
    /// </summary>
    public static bool IsInBuildFolder(string path)
    {
        var parts = Path.GetFullPath(path).Split([Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar], StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < parts.Length - 1; i++)
        {
            if (parts[i] is ".build" or "obj" or ".store") return true;
            if (parts[i] == "bin" && parts[i + 1] is "Debug" or "Release") return true;
        }
        return false;
    }

    private static bool IsExecutableFile(string path)
    {
        try
        {
            if (!File.Exists(path)) return false;
            if (OperatingSystem.IsWindows()) return true;
            return (File.GetUnixFileMode(path) & (UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute)) != 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }
}
