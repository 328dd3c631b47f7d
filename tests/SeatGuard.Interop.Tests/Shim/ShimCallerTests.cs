using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Shim;

/// <summary>The shim for plain callers (subprocess, child_process, a shell) and the Python SDK's version check.</summary>
public sealed class ShimCallerTests
{
    private static async Task<(SandboxHome Sandbox, MessagesApiStandIn StandIn, Dictionary<string, string> Env, string Shim)> StartAsync()
    {
        var sandbox = new SandboxHome();
        var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        env.Remove("SEATGUARD_CLAUDE"); // found on PATH
        env["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey();
        var install = await CliHarness.InstallShimAsync(sandbox, env, Path.Combine(sandbox.Root, "shim"));
        install.ExitCode.ShouldBe(0, install.ToString());
        return (sandbox, standIn, env, install.StdOut.TrimEnd('\n').Split('\n')[^1]);
    }

    [Fact]
    public async Task OnPathBeforeTheRealClaudeItFindsTheRealOneNeverItself()
    {
        var (sandbox, standIn, env, shim) = await StartAsync();
        await using var _ = standIn;
        using var __ = sandbox;
        // A caller (here a shell) that just runs `claude` from PATH: the shim's directory first, the real claude after it. SEATGUARD_CLAUDE
        // pointing back at the shim must not make it run itself.
        env["PATH"] = Path.GetDirectoryName(shim) + ":" + Path.GetDirectoryName(ToolPaths.Claude) + ":" + env["PATH"];
        env["SEATGUARD_CLAUDE"] = shim;

        var version = await ProcessRunner.RunAsync("/bin/sh", ["-c", "exec claude -v"], env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(60));
        version.ExitCode.ShouldBe(0, version.ToString());
        version.StdOut.Trim().ShouldBe("2.1.330 (Claude Code)");

        var direct = await ProcessRunner.RunAsync(ToolPaths.Claude, ["-p", "say pong", "--no-session-persistence"],
            new Dictionary<string, string>(env) { ["ANTHROPIC_API_KEY"] = "" }, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(90));
        var text = await ProcessRunner.RunAsync("/bin/sh", ["-c", "exec claude -p 'say pong' --no-session-persistence"], env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(90));
        text.ExitCode.ShouldBe(direct.ExitCode, text.ToString());
        System.Text.RegularExpressions.Regex.Replace(text.StdOut, @"pong \d+", "pong N").ShouldBe(System.Text.RegularExpressions.Regex.Replace(direct.StdOut, @"pong \d+", "pong N"));
        text.StdErr.ShouldContain("seatguard: verdict subscription exit=0 by=claude");
        standIn.MessageRequests.ShouldAllBe(r => r.ApiKey == null || r.ApiKey == "");
    }

    [Fact]
    public async Task InstallRefusesToReplaceARealClaudeAndUninstallRemovesOnlyTheShim()
    {
        var (sandbox, standIn, env, shim) = await StartAsync();
        await using var _ = standIn;
        using var __ = sandbox;
        var other = Path.Combine(sandbox.Root, "bin");
        sandbox.WriteText(Path.Combine(other, "claude"), "#!/bin/sh\necho real\n");

        var refused = await CliHarness.InstallShimAsync(sandbox, env, other);
        refused.ExitCode.ShouldBe(2);
        refused.StdErr.ShouldContain("not SeatGuard's shim");
        File.ReadAllText(Path.Combine(other, "claude")).ShouldContain("echo real");
        (await CliHarness.RunAsync(sandbox, env, "shim", "uninstall", "--dir", other)).ExitCode.ShouldBe(2);
        File.Exists(Path.Combine(other, "claude")).ShouldBeTrue();

        var again = await CliHarness.InstallShimAsync(sandbox, env, Path.GetDirectoryName(shim)!, "--json");
        again.StdOut.ShouldContain("\"outcome\": \"replaced\"");
        (File.GetUnixFileMode(shim) & UnixFileMode.UserExecute).ShouldNotBe((UnixFileMode)0);
        var removed = await CliHarness.RunAsync(sandbox, env, "shim", "uninstall", "--dir", Path.GetDirectoryName(shim)!);
        removed.StdOut.ShouldStartWith("removed ");
        File.Exists(shim).ShouldBeFalse();
    }
}
