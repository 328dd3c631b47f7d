using System.Diagnostics;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Integration;

/// <summary>
/// The real Claude Code, started interactively in a pseudo-terminal (util-linux `script`), runs the status line
/// that `seatguard hooks install` wrote; the billing words must appear on its screen.
/// </summary>
public sealed partial class StatusLineInteropTests
{
    [GeneratedRegex(@"\x1b(\[[0-9;?<>=]*[ -/]*[@-~]|\][^\x07\x1b]*(\x07|\x1b\\)|[()][0-9A-Za-z]|[=>78])")]
    private static partial Regex AnsiEscape();

    /// <summary>Starts interactive claude in a pty and returns its screen text (escapes removed) once <paramref name="expected"/> shows, or after 45 s.</summary>
    /// <param name="type">Typed into the session (with Enter) once <paramref name="typeWhen"/> shows on the screen.</param>
    private static async Task<string> ScreenAsync(SandboxHome sandbox, Dictionary<string, string> env, string expected, string? type = null, string? typeWhen = null)
    {
        // Skip the first-run dialogs for this sandbox only.
        sandbox.WriteText(Path.Combine(sandbox.Home, ".claude.json"), new JsonObject
        {
            ["hasCompletedOnboarding"] = true,
            ["theme"] = "dark",
            ["projects"] = new JsonObject { [sandbox.Project] = new JsonObject { ["hasTrustDialogAccepted"] = true, ["hasCompletedProjectOnboarding"] = true } },
        }.ToJsonString());
        var psi = new ProcessStartInfo("script", ["-qfec", ToolPaths.Claude, "/dev/null"])
        {
            WorkingDirectory = sandbox.Project,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        psi.Environment.Clear();
        foreach (var (k, v) in env) psi.Environment[k] = v;
        psi.Environment["TERM"] = "xterm-256color";
        using var process = Process.Start(psi)!;
        var screen = new StringBuilder();
        var reader = Task.Run(async () =>
        {
            var buffer = new char[8192];
            int n;
            while ((n = await process.StandardOutput.ReadAsync(buffer)) > 0)
                lock (screen) screen.Append(buffer, 0, n);
        });
        _ = process.StandardError.ReadToEndAsync();
        var deadline = DateTime.UtcNow.AddSeconds(type is null ? 45 : 75);
        string text = "";
        bool typed = type is null;
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            lock (screen) text = AnsiEscape().Replace(screen.ToString(), "");
            if (!typed && text.Contains(typeWhen!, StringComparison.Ordinal))
            {
                typed = true;
                await Task.Delay(1000);
                await process.StandardInput.WriteAsync(type);
                await process.StandardInput.FlushAsync();
                await Task.Delay(500);
                await process.StandardInput.WriteAsync("\r");
                await process.StandardInput.FlushAsync();
            }
            if (typed && text.Contains(expected, StringComparison.Ordinal)) break;
            await Task.Delay(250);
        }
        if (!process.HasExited) process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        await reader;
        lock (screen) return AnsiEscape().Replace(screen.ToString(), "");
    }

    private static async Task<Dictionary<string, string>> InstalledAsync(SandboxHome sandbox, MessagesApiStandIn standIn, Dictionary<string, string> extra)
    {
        var env = ClaudeRunner.Environment(sandbox, standIn);
        foreach (var (k, v) in extra) env[k] = v;
        // This test's own build of seatguard (hooks install refuses a build folder unless told with --command).
        var install = await CliHarness.RunAsync(sandbox, env, "hooks", "install", "--command", Path.Combine(AppContext.BaseDirectory, "seatguard"));
        install.ExitCode.ShouldBe(0, install.ToString());
        return env;
    }

    [Fact]
    public async Task TheLoginSubscriptionShowsInClaudeCodesStatusLine()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var login = FakeTokens.OAuthToken();
        sandbox.WriteLoginCredentials(login, subscriptionType: "max");
        var env = await InstalledAsync(sandbox, standIn, []);

        var screen = await ScreenAsync(sandbox, env, "Max subscription · ");

        screen.ShouldContain("Max subscription · ");
        screen.ShouldNotContain(login[^24..]);
    }

    [Fact]
    public async Task ARepositoryRedirectIsFlaggedInClaudeCodesStatusLine()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "pro");
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_BASE_URL", standIn.BaseUrl));
        var env = await InstalledAsync(sandbox, standIn, []);

        var screen = await ScreenAsync(sandbox, env, "set by this repository");

        screen.ShouldContain("⚠ Pro subscription — set by this repository");
    }

    [Fact]
    public async Task ASetupTokenIsHiddenFromTheStatusLineCommandSoItSaysSo()
    {
        // Measured: like hooks, the status-line command does not receive CLAUDE_CODE_OAUTH_TOKEN.
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var token = FakeTokens.OAuthToken();
        var env = await InstalledAsync(sandbox, standIn, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token });

        var screen = await ScreenAsync(sandbox, env, "token hidden from hooks");

        screen.ShouldContain("subscription? (token hidden from hooks)");
        screen.ShouldNotContain(token[^24..]);
    }

    [Fact]
    public async Task AfterTheFirstResponseThePlansOwnLimitsShowAndConfirmTheSubscription()
    {
        // Claude Code adds rate_limits to the status-line input once a subscription response carried the unified headers.
        // The screen is read from tmux (a real terminal emulator): Claude Code redraws only what changed, so the raw byte
        // stream of a pty does not hold the line whole.
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var token = FakeTokens.OAuthToken();
        var env = await InstalledAsync(sandbox, standIn, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token });
        sandbox.WriteText(Path.Combine(sandbox.Home, ".claude.json"), new JsonObject
        {
            ["hasCompletedOnboarding"] = true,
            ["theme"] = "dark",
            ["projects"] = new JsonObject { [sandbox.Project] = new JsonObject { ["hasTrustDialogAccepted"] = true, ["hasCompletedProjectOnboarding"] = true } },
        }.ToJsonString());
        env["TERM"] = "xterm-256color";

        await using var tmux = await TmuxSession.StartAsync(sandbox, env, ToolPaths.Claude);
        (await tmux.WaitForAsync("token hidden from hooks", TimeSpan.FromSeconds(45))).ShouldContain("token hidden from hooks");
        await tmux.TypeAsync("say pong");
        var screen = await tmux.WaitForAsync("7d 10%", TimeSpan.FromSeconds(45));

        screen.ShouldContain("subscription (confirmed by Claude Code) · Sonnet 5.5 · 5h 42%");
        screen.ShouldContain("7d 10%");
        screen.ShouldNotContain(token[^24..]);
    }
}

/// <summary>An interactive program in a private tmux server (its own socket), read back as the rendered screen.</summary>
internal sealed class TmuxSession : IAsyncDisposable
{
    private readonly string _socket = "seatguard-" + Guid.NewGuid().ToString("N")[..10];
    private const string Name = "s";

    public static async Task<TmuxSession> StartAsync(SandboxHome sandbox, Dictionary<string, string> env, string program)
    {
        var t = new TmuxSession();
        // env -i: the program sees exactly the sandbox's variables, not the tmux server's.
        var command = "env -i " + string.Join(' ', env.Select(kv => kv.Key + "=" + Quote(kv.Value))) + " " + Quote(program);
        var r = await t.Tmux(sandbox.Project, "new-session", "-d", "-s", Name, "-x", "250", "-y", "50", "-c", sandbox.Project, command);
        r.ExitCode.ShouldBe(0, "tmux could not start (install tmux): " + r);
        return t;
    }

    public async Task TypeAsync(string text)
    {
        await Tmux(null, "send-keys", "-t", Name, "-l", text);
        await Task.Delay(500);
        await Tmux(null, "send-keys", "-t", Name, "Enter");
    }

    /// <summary>The screen once it contains <paramref name="text"/>, or as it is when the time is up.</summary>
    public async Task<string> WaitForAsync(string text, TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        string screen = "";
        while (DateTime.UtcNow < deadline)
        {
            screen = (await Tmux(null, "capture-pane", "-p", "-t", Name)).StdOut;
            if (screen.Contains(text, StringComparison.Ordinal)) return screen;
            await Task.Delay(300);
        }
        return screen;
    }

    private Task<ProcessResult> Tmux(string? dir, params string[] args) =>
        ProcessRunner.RunAsync("tmux", ["-L", _socket, "-f", "/dev/null", .. args], ProcessRunner.CleanEnvironment(Path.GetTempPath()), dir ?? Path.GetTempPath(), stdin: "", timeout: TimeSpan.FromSeconds(20));

    private static string Quote(string s) => "'" + s.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    public async ValueTask DisposeAsync()
    {
        try { await Tmux(null, "kill-server"); } catch (TimeoutException) { }
    }
}
