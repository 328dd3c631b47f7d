namespace SeatGuard.TestKit;

/// <summary>
/// Runs the real, pinned Claude Code CLI in a clean environment with a sandbox HOME and
/// ANTHROPIC_BASE_URL pointed at the loopback stand-in.
/// </summary>
public static class ClaudeRunner
{
    /// <summary>The clean environment for the real CLI: sandbox HOME, the stand-in as API, no updater or telemetry.</summary>
    public static Dictionary<string, string> Environment(SandboxHome sandbox, MessagesApiStandIn standIn)
    {
        var env = ProcessRunner.CleanEnvironment(sandbox.Home);
        env["ANTHROPIC_BASE_URL"] = standIn.BaseUrl;
        env["DISABLE_AUTOUPDATER"] = "1";
        env["DISABLE_TELEMETRY"] = "1";
        env["DISABLE_ERROR_REPORTING"] = "1";
        env["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
        return env;
    }

    /// <summary>
    /// The clean environment for seatguard launching the real claude against the stand-in: <see cref="Environment"/>,
    /// <c>SEATGUARD_CLAUDE</c> the pinned claude, the OS user "owner" (the seat owner), and a subscription token when asked.
    /// </summary>
    public static Dictionary<string, string> SeatGuardEnvironment(SandboxHome sandbox, MessagesApiStandIn standIn, bool oauthToken = true)
    {
        var env = Environment(sandbox, standIn);
        env["SEATGUARD_CLAUDE"] = ToolPaths.Claude;
        env["USER"] = "owner";
        if (oauthToken) env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        return env;
    }

    /// <summary>Runs <c>claude -p ping --output-format stream-json --verbose</c> with extra variables.</summary>
    public static Task<ProcessResult> PingAsync(SandboxHome sandbox, MessagesApiStandIn standIn, IReadOnlyDictionary<string, string>? extraEnv = null, params string[] extraArgs)
    {
        var env = Environment(sandbox, standIn);
        if (extraEnv is not null) foreach (var (k, v) in extraEnv) env[k] = v;
        string[] args = ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", .. extraArgs];
        return ProcessRunner.RunAsync(ToolPaths.Claude, args, env, sandbox.Project, timeout: TimeSpan.FromSeconds(60));
    }
}
