using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.TestKit;

/// <summary>
/// A throw-away HOME (and project directory) for one test, so no real settings or credentials are ever read.
/// Helpers write the files Claude Code reads: settings at every level, the /login credentials file.
/// </summary>
public sealed class SandboxHome : IDisposable
{
    public string Root { get; }
    public string Home { get; }
    public string Project { get; }
    public string ClaudeDir => Path.Combine(Home, ".claude");

    public SandboxHome()
    {
        Root = Path.Combine(Path.GetTempPath(), "seatguard-test-" + Guid.NewGuid().ToString("N")[..12]);
        Home = Path.Combine(Root, "home");
        Project = Path.Combine(Root, "project");
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Project);
    }

    /// <summary>The host as SeatGuard's core sees it: exactly these variables, this HOME, the sandbox project as working directory.</summary>
    public SeatGuard.Core.Common.HostContext Host(Dictionary<string, string>? env = null, string? workingDirectory = null)
    {
        var all = ProcessRunner.CleanEnvironment(Home);
        if (env is not null) foreach (var (k, v) in env) all[k] = v;
        return new SeatGuard.Core.Common.HostContext(all, Home, workingDirectory ?? Project, SeatGuard.Core.Common.HostOs.Linux);
    }

    /// <summary>The services the core runs on, for this sandbox: its host, the real clock and processes, no keychain.</summary>
    public SeatGuard.Core.Services.SeatGuardServices Services(Dictionary<string, string>? env = null, Stream? stdout = null, SeatGuard.Core.Credentials.IKeychainProbe? keychain = null) =>
        new(Host(env), TimeProvider.System, new SeatGuard.Core.Common.Processes.SystemCommandRunner(),
            new SeatGuard.Core.Common.Processes.SystemProcessLauncher(stdout ?? Stream.Null), keychain ?? SeatGuard.Core.Credentials.NoKeychain.Instance);

    public string UserSettingsPath => Path.Combine(ClaudeDir, "settings.json");
    public string ProjectSettingsPath => Path.Combine(Project, ".claude", "settings.json");
    public string LocalSettingsPath => Path.Combine(Project, ".claude", "settings.local.json");
    public string CredentialsPath => Path.Combine(ClaudeDir, ".credentials.json");

    public string WriteUserSettings(object settings) => WriteJson(UserSettingsPath, settings);
    public string WriteProjectSettings(object settings) => WriteJson(ProjectSettingsPath, settings);
    public string WriteLocalSettings(object settings) => WriteJson(LocalSettingsPath, settings);

    /// <summary>Settings with an <c>env</c> block.</summary>
    public static object EnvSettings(string name, string value) => new Dictionary<string, object> { ["env"] = new Dictionary<string, string> { [name] = value } };

    /// <summary>Settings whose apiKeyHelper prints <paramref name="key"/>.</summary>
    public static object HelperSettings(string key) => new Dictionary<string, object> { ["apiKeyHelper"] = "echo " + key };

    /// <summary>Writes a /login credentials file (mode 0600) with the given tokens.</summary>
    public string WriteLoginCredentials(string accessToken, DateTimeOffset? expiresAt = null, string subscriptionType = "max", string[]? scopes = null, string? refreshToken = null)
    {
        var json = new JsonObject
        {
            ["claudeAiOauth"] = new JsonObject
            {
                ["accessToken"] = accessToken,
                ["refreshToken"] = refreshToken ?? FakeTokens.RefreshToken(),
                ["expiresAt"] = (expiresAt ?? DateTimeOffset.UtcNow.AddDays(7)).ToUnixTimeMilliseconds(),
                ["scopes"] = new JsonArray((scopes ?? ["user:inference", "user:profile"]).Select(s => (JsonNode)s!).ToArray()),
                ["subscriptionType"] = subscriptionType,
            },
        };
        var path = WriteText(CredentialsPath, json.ToJsonString());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    public string WriteJson(string path, object value) => WriteText(path, JsonSerializer.Serialize(value));

    /// <summary>An executable file (0700) at <paramref name="path"/>: a stand-in program that prints a version (a seatguard, a claude).</summary>
    public static string WriteExecutable(string path, string script = "#!/bin/sh\necho 0.1.0\n")
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, script);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    public string WriteText(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
