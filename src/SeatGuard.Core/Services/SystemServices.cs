using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Services;

/// <summary>
/// The real adapters: this process's environment and directories, the system clock, OS processes, the macOS
/// keychain. The only place in the library that reads process globals.
/// </summary>
public static class SystemServices
{
    /// <param name="stdout">Where passed-through output of launched programs goes (the CLI's raw stdout).</param>
    /// <param name="workingDirectory">The working directory (default: the process's current directory).</param>
    public static SeatGuardServices Create(Stream stdout, string? workingDirectory = null)
    {
        var host = HostFromProcess(workingDirectory);
        var runner = new SystemCommandRunner();
        IKeychainProbe keychain = host.Os == HostOs.MacOS ? new MacKeychainProbe(runner, host) : NoKeychain.Instance;
        return new SeatGuardServices(host, TimeProvider.System, runner, new SystemProcessLauncher(stdout), keychain);
    }

    /// <summary>This process's environment, HOME, working directory, OS and user.</summary>
    public static HostContext HostFromProcess(string? workingDirectory = null)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (System.Collections.DictionaryEntry e in System.Environment.GetEnvironmentVariables())
        {
            env[(string)e.Key] = (string?)e.Value ?? "";
        }
        string home = env.TryGetValue("HOME", out var h) && h.Length > 0
            ? h
            : System.Environment.GetFolderPath(System.Environment.SpecialFolder.UserProfile);
        var os = OperatingSystem.IsMacOS() ? HostOs.MacOS : OperatingSystem.IsWindows() ? HostOs.Windows : HostOs.Linux;
        return new HostContext(env, home, Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory()), os) { User = System.Environment.UserName, MachineName = System.Environment.MachineName };
    }
}
