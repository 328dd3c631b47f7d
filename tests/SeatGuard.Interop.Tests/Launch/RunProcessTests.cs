using System.Diagnostics;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Launch;

/// <summary>`seatguard run` as a real process: signals reach the child, the child's exit code comes back.</summary>
public sealed class RunProcessTests
{
    private static string SeatguardDll => Path.Combine(AppContext.BaseDirectory, "seatguard.dll");

    [Fact]
    public async Task SigtermIsForwardedToClaudeAndItsExitCodeReturned()
    {
        using var sandbox = new SandboxHome();
        var mark = Path.Combine(sandbox.Root, "got-term");
        var ready = Path.Combine(sandbox.Root, "ready");
        // A stand-in for claude that only shows whether it received SIGTERM; the launcher under test is real.
        var script = sandbox.WriteText(Path.Combine(sandbox.Root, "claude-sig.sh"),
            "#!/bin/sh\ntrap 'echo term > \"$MARK\"; exit 143' TERM\necho ready > \"$READY\"\nwhile :; do sleep 0.1; done\n");
        File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);

        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = sandbox.Project };
        foreach (var a in new[] { SeatguardDll, "run", "--claude", script, "--", "-p", "x" }) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in ProcessRunner.CleanEnvironment(sandbox.Home)) psi.Environment[k] = v;
        psi.Environment["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        psi.Environment["MARK"] = mark;
        psi.Environment["READY"] = ready;
        psi.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(Environment.ProcessPath) ?? "";

        using var process = Process.Start(psi)!;
        var stderr = process.StandardError.ReadToEndAsync();
        for (int i = 0; i < 300 && !File.Exists(ready); i++) await Task.Delay(100);
        File.Exists(ready).ShouldBeTrue(await Task.WhenAny(stderr, Task.Delay(1000)) == stderr ? await stderr : "child never started");

        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(cts.Token);

        File.ReadAllText(mark).Trim().ShouldBe("term");
        process.ExitCode.ShouldBe(143, await stderr);
    }

    /// <summary>
    /// Ctrl-C (SIGINT) or SIGTERM during a headless run with the real Claude Code mid-request: SeatGuard hands the signal
    /// on, waits for claude, records the launch, and ends with 130 / 143 — no stack trace, no lost ledger row.
    /// </summary>
    [Theory]
    [InlineData("INT", 130, "run")]
    [InlineData("TERM", 143, "run")]
    [InlineData("TERM", 143, "verify")]
    public async Task ASignalDuringAHeadlessRunEndsWithItsCodeAfterTheLaunchIsRecorded(string signal, int expected, string command)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal, DelayMs = 60_000 });
        var env = ClaudeRunner.Environment(sandbox, standIn);
        env["SEATGUARD_CLAUDE"] = ToolPaths.Claude;
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        env["DOTNET_ROOT"] = Path.GetDirectoryName(Environment.ProcessPath) ?? "";
        string[] args = command == "run"
            ? [SeatguardDll, "run", "--", "-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence"]
            : [SeatguardDll, "verify", "--timeout", "120"];
        if (command == "verify") standIn.Options.DelayMs = 0;
        var psi = new ProcessStartInfo("dotnet") { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true, RedirectStandardInput = true, WorkingDirectory = sandbox.Project };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment.Clear();
        foreach (var (k, v) in env) psi.Environment[k] = v;

        using var process = Process.Start(psi)!;
        process.StandardInput.Close();
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEndAsync();
        // verify answers at once unless the request hangs: make it hang by holding the stand-in's answer.
        if (command == "verify") (standIn.Options.DelayMs, standIn.Options.DelayWithoutTools) = (60_000, true); // its ping carries no tools
        for (int i = 0; i < 600 && standIn.MessageRequests.Count == 0; i++) await Task.Delay(100);
        standIn.MessageRequests.ShouldNotBeEmpty("claude never sent its request");
        await Task.Delay(500);
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!) await kill.WaitForExitAsync();
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        await process.WaitForExitAsync(cts.Token);

        var err = await stderr;
        process.ExitCode.ShouldBe(expected, err);
        err.ShouldNotContain("   at ");
        err.ShouldContain($"exit={expected} by=seatguard reason=signal:SIG{signal}");
        var ledger = await CliHarness.RunAsync(sandbox, env, "ledger", "--json");
        var launch = System.Text.Json.JsonDocument.Parse(ledger.StdOut).RootElement.GetProperty("launches").EnumerateArray().Single();
        launch.GetProperty("stoppedBy").GetString().ShouldBe("signal:SIG" + signal);
        launch.GetProperty("seatGuardExit").GetInt32().ShouldBe(expected);
        _ = await stdout;
    }
}
