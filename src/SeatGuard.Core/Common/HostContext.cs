namespace SeatGuard.Core.Common;

/// <summary>
/// Everything SeatGuard reads from the host: environment variables, home and working directory,
/// the operating system. Passed in explicitly so the core never touches process globals and can be
/// driven by tests and other programs.
/// </summary>
public sealed record HostContext(
    IReadOnlyDictionary<string, string> Environment,
    string Home,
    string WorkingDirectory,
    HostOs Os)
{
    public static HostContext FromProcess(string? workingDirectory = null)
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
        return new HostContext(env, home, Path.GetFullPath(workingDirectory ?? Directory.GetCurrentDirectory()), os);
    }

    public string? Get(string name) => Environment.TryGetValue(name, out var v) ? v : null;

    /// <summary>Set and non-empty.</summary>
    public bool Has(string name) => Environment.TryGetValue(name, out var v) && v.Length > 0;

    public HostContext WithEnvironment(IReadOnlyDictionary<string, string> env) => this with { Environment = env };

    public HostContext WithWorkingDirectory(string dir) => this with { WorkingDirectory = Path.GetFullPath(dir) };
}

public enum HostOs { Linux, MacOS, Windows }
