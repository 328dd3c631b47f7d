using SeatGuard.Core.Integration;
using SeatGuard.Core.Shim;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Shim;

/// <summary>Which seatguard the installed shim runs: like the hooks, the installed one, never a build folder that a rebuild replaces.</summary>
public sealed class ShimInstallTests
{
    private static string Executable(string path) => SandboxHome.WriteExecutable(path);

    [Fact]
    public async Task TheShimRunsTheInstalledSeatguardNotTheBuildFolder()
    {
        using var sandbox = new SandboxHome();
        var installed = Executable(Path.Combine(sandbox.Home, ".local", "bin", "seatguard"));
        var build = Executable(Path.Combine(sandbox.Root, "repo", ".build", "cli", "b-1-quick", "seatguard"));
        var dir = Path.Combine(sandbox.Root, "shim");

        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = Path.GetDirectoryName(installed) + ":/usr/bin:/bin" }, build, "shim", "install", "--dir", dir);

        r.ExitCode.ShouldBe(0, r.ToString());
        var script = File.ReadAllText(Path.Combine(dir, "claude"));
        script.ShouldStartWith("#!/bin/sh\n");
        script.ShouldContain(ClaudeShim.Marker);
        script.ShouldContain($"exec {SeatGuardCommands.ShellQuote(installed)} shim exec --shim \"$0\" -- \"$@\"");
        r.StdOut.TrimEnd('\n').Split('\n')[^1].ShouldBe(Path.Combine(dir, "claude"));
    }

    [Fact]
    public async Task FromABuildFolderWithNothingInstalledItIsRefusedAndNothingWritten()
    {
        using var sandbox = new SandboxHome();
        var build = Executable(Path.Combine(sandbox.Root, "repo", "src", "SeatGuard.Cli", "bin", "Debug", "net10.0", "seatguard"));
        var dir = Path.Combine(sandbox.Root, "shim");

        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = "/usr/bin:/bin" }, build, "shim", "install", "--dir", dir);

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain("build folder");
        r.StdErr.ShouldContain("--command");
        File.Exists(Path.Combine(dir, "claude")).ShouldBeFalse();
    }

    [Fact]
    public async Task ACommandWithSpacesIsQuotedSoTheShimStillExecsIt()
    {
        using var sandbox = new SandboxHome();
        var program = Executable(Path.Combine(sandbox.Root, "opt", "seat guard", "seatguard"));
        var dir = Path.Combine(sandbox.Root, "shim");

        var r = await CliHarness.RunAsync(sandbox, new() { ["PATH"] = "/usr/bin:/bin" }, "shim", "install", "--dir", dir, "--command", program, "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain("\"outcome\": \"written\"");
        File.ReadAllText(Path.Combine(dir, "claude")).ShouldContain("exec " + SeatGuardCommands.ShellQuote(program) + " shim exec");
        ClaudeShim.IsShim(Path.Combine(dir, "claude")).ShouldBeTrue();
        ClaudeShim.IsShim(program).ShouldBeFalse();
    }
}
