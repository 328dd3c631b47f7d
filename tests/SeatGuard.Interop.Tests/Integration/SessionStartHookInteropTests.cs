using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Integration;

/// <summary>
/// The real Claude Code runs with the SessionStart hook that `seatguard hooks install` wrote into the sandbox's
/// settings; the hook runs the seatguard built next to these tests, and its answer is observed in Claude Code's
/// own stream-json events (and, for additionalContext, in the session transcript).
/// </summary>
public sealed class SessionStartHookInteropTests
{
    private sealed record Session(CliResult Install, ProcessResult Claude, List<JsonElement> Events, string Transcript)
    {
        public JsonElement HookResponse => Events.Single(e => e.GetProperty("type").GetString() == "system"
            && e.GetProperty("subtype").GetString() == "hook_response" && e.GetProperty("hook_event").GetString() == "SessionStart");

        public string All => Install.StdOut + Install.StdErr + Claude.StdOut + Claude.StdErr + Transcript;
    }

    private static async Task<Session> RunAsync(SandboxHome sandbox, MessagesApiStandIn standIn, Dictionary<string, string> extraEnv)
    {
        var env = ClaudeRunner.Environment(sandbox, standIn);
        foreach (var (k, v) in extraEnv) env[k] = v;
        // This test's own build of seatguard (hooks install refuses a build folder unless told with --command).
        var install = await CliHarness.RunAsync(sandbox, env, "hooks", "install", "--command", Path.Combine(AppContext.BaseDirectory, "seatguard"));
        install.ExitCode.ShouldBe(0, install.ToString());

        var claude = await ProcessRunner.RunAsync(ToolPaths.Claude, ["-p", "ping", "--output-format", "stream-json", "--verbose"],
            env, sandbox.Project, timeout: TimeSpan.FromSeconds(90));
        var events = claude.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var projects = Path.Combine(sandbox.ClaudeDir, "projects");
        var transcript = Directory.Exists(projects)
            ? string.Concat(Directory.GetFiles(projects, "*.jsonl", SearchOption.AllDirectories).Select(File.ReadAllText))
            : "";
        return new Session(install, claude, events, transcript);
    }

    [Fact]
    public async Task AnApiKeySessionGetsTheWarningInClaudeCodesStreamAndContext()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var key = FakeTokens.ApiKey();
        var oauth = FakeTokens.OAuthToken();

        var session = await RunAsync(sandbox, standIn, new() { ["ANTHROPIC_API_KEY"] = key, ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth });

        session.Claude.ExitCode.ShouldBe(0, session.Claude.ToString());
        var hook = session.HookResponse;
        hook.GetProperty("exit_code").GetInt32().ShouldBe(0);
        hook.GetProperty("outcome").GetString().ShouldBe("success");
        var output = JsonDocument.Parse(hook.GetProperty("stdout").GetString()!).RootElement;
        var message = output.GetProperty("systemMessage").GetString()!;
        message.ShouldContain("this session bills API key (env), not your subscription");
        output.GetProperty("hookSpecificOutput").GetProperty("hookEventName").GetString().ShouldBe("SessionStart");
        // The hook ran before the session's init event and did not stop it: the request went out.
        session.Events.FindIndex(e => e.GetProperty("subtype").GetString() == "hook_response")
            .ShouldBeLessThan(session.Events.FindIndex(e => e.GetProperty("subtype").GetString() == "init"));
        standIn.MessageRequests.ShouldNotBeEmpty();
        // Measured: Claude Code records systemMessage as the user-visible hook_system_message and additionalContext
        // as hook_additional_context (sent to the model as "SessionStart hook additional context: …").
        var attachments = session.Transcript.Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => JsonDocument.Parse(l).RootElement)
            .Where(e => e.TryGetProperty("attachment", out _))
            .Select(e => e.GetProperty("attachment"))
            .ToList();
        attachments.Single(a => a.GetProperty("type").GetString() == "hook_system_message").GetProperty("content").GetString().ShouldBe(message);
        attachments.Single(a => a.GetProperty("type").GetString() == "hook_additional_context").GetProperty("content")[0].GetString()!.ShouldContain(message);
        foreach (var secret in new[] { key, oauth }) session.All.ShouldNotContain(secret[^24..]);
    }

    [Fact]
    public async Task ASubscriptionSessionRunsTheHookAndGetsNothing()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var oauth = FakeTokens.OAuthToken();

        var session = await RunAsync(sandbox, standIn, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth });

        session.Claude.ExitCode.ShouldBe(0, session.Claude.ToString());
        var hook = session.HookResponse;
        hook.GetProperty("exit_code").GetInt32().ShouldBe(0);
        hook.GetProperty("stdout").GetString().ShouldBeEmpty();
        session.Events.ShouldContain(e => e.GetProperty("type").GetString() == "rate_limit_event");
        session.All.ShouldNotContain(oauth[^24..]);
    }

    [Fact]
    public async Task ARepositoryKeyIsSeenThroughClaudeCodesOwnEnvironment()
    {
        // Claude Code exports a settings file's env block to the hooks it runs (see below): the hook still names the repository file.
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var key = FakeTokens.ApiKey();
        var login = FakeTokens.OAuthToken();
        sandbox.WriteLoginCredentials(login);
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));

        var session = await RunAsync(sandbox, standIn, []);

        session.Claude.ExitCode.ShouldBe(0, session.Claude.ToString());
        standIn.MessageRequests.ShouldAllBe(r => r.ApiKey == key);
        var message = JsonDocument.Parse(session.HookResponse.GetProperty("stdout").GetString()!).RootElement.GetProperty("systemMessage").GetString()!;
        message.ShouldContain("API key (.claude/settings.json)");
        message.ShouldContain(sandbox.ProjectSettingsPath);
        foreach (var secret in new[] { key, login }) session.All.ShouldNotContain(secret[^24..]);
    }

    [Fact]
    public async Task ClaudeCodeHidesTheOAuthTokenButNotTheApiKeyFromHooks()
    {
        // Why the hook cannot see a setup-token: measured with a hook that lists the variable names it receives.
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var names = Path.Combine(sandbox.Root, "hook-env.txt");
        sandbox.WriteUserSettings(new Dictionary<string, object>
        {
            ["hooks"] = new Dictionary<string, object>
            {
                ["SessionStart"] = new[] { new Dictionary<string, object> { ["hooks"] = new[] { new Dictionary<string, string> { ["type"] = "command", ["command"] = $"env | cut -d= -f1 > '{names}'" } } } },
            },
        });
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("SEATGUARD_MARKER", "1"));
        var env = ClaudeRunner.Environment(sandbox, standIn);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        env["ANTHROPIC_AUTH_TOKEN"] = FakeTokens.GatewayToken();
        env["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey();

        var claude = await ProcessRunner.RunAsync(ToolPaths.Claude, ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence"],
            env, sandbox.Project, timeout: TimeSpan.FromSeconds(90));

        claude.ExitCode.ShouldBe(0, claude.ToString());
        var seen = File.ReadAllLines(names);
        seen.ShouldNotContain("CLAUDE_CODE_OAUTH_TOKEN");
        seen.ShouldContain("ANTHROPIC_API_KEY");
        seen.ShouldContain("ANTHROPIC_AUTH_TOKEN");
        seen.ShouldContain("CLAUDECODE");
        seen.ShouldContain("SEATGUARD_MARKER"); // a settings file's env block reaches hooks too
    }
}
