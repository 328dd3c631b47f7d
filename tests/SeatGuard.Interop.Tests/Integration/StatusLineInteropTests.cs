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
    private static async Task<string> ScreenAsync(SandboxHome sandbox, Dictionary<string, string> env, string expected)
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
        var deadline = DateTime.UtcNow.AddSeconds(45);
        string text = "";
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            lock (screen) text = AnsiEscape().Replace(screen.ToString(), "");
            if (text.Contains(expected, StringComparison.Ordinal)) break;
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
}
