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
}
