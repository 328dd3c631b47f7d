using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Integration;

/// <summary>Which program Claude Code's settings name: the installed seatguard, never a build folder.</summary>
public sealed class HooksProgramTests
{
    private static string Executable(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, "#!/bin/sh\necho 0.1.0\n");
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        return path;
    }

    private static string StatusLineCommand(string settingsFile) =>
        JsonNode.Parse(File.ReadAllText(settingsFile))!["statusLine"]!["command"]!.GetValue<string>();

    [Fact]
    public async Task TheInstalledSeatguardOnPathIsNamedNotTheBuildFolder()
    {
        using var sandbox = new SandboxHome();
        var installed = Executable(Path.Combine(sandbox.Home, ".local", "bin", "seatguard"));
        var build = Executable(Path.Combine(sandbox.Root, "repo", ".build", "cli", "b-1-quick", "seatguard"));
        var env = new Dictionary<string, string> { ["PATH"] = Path.GetDirectoryName(installed) + ":/usr/bin:/bin" };

        var r = await CliHarness.RunAsProgramAsync(sandbox, env, build, "hooks", "install");

        r.ExitCode.ShouldBe(0, r.ToString());
        StatusLineCommand(sandbox.UserSettingsPath).ShouldBe(installed + " statusline");
    }

    [Fact]
    public async Task TheDotnetToolShimIsFoundWhenNotOnPath()
    {
        using var sandbox = new SandboxHome();
        var shim = Executable(Path.Combine(sandbox.Home, ".dotnet", "tools", "seatguard"));
        var build = Executable(Path.Combine(sandbox.Root, "repo", "src", "SeatGuard.Cli", "bin", "Release", "net10.0", "seatguard"));

        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = "/usr/bin:/bin" }, build, "hooks", "install");

        r.ExitCode.ShouldBe(0, r.ToString());
        StatusLineCommand(sandbox.UserSettingsPath).ShouldBe(shim + " statusline");
    }

    [Fact]
    public async Task ABuildFolderIsRefusedWithWhatToDo()
    {
        using var sandbox = new SandboxHome();
        var build = Executable(Path.Combine(sandbox.Root, "repo", ".build", "cli", "b-1-quick", "seatguard"));
        var onPath = Executable(Path.Combine(sandbox.Root, "repo", ".build", "bin", "seatguard")); // a build folder on PATH does not count

        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = Path.GetDirectoryName(onPath) + ":/usr/bin" }, build, "hooks", "install");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain("build folder");
        r.StdErr.ShouldContain("./seatguard install");
        r.StdErr.ShouldContain("--command");
        File.Exists(sandbox.UserSettingsPath).ShouldBeFalse();
    }

    [Fact]
    public async Task AProgramOutsideABuildFolderIsUsedAsItIs()
    {
        using var sandbox = new SandboxHome();
        var program = Executable(Path.Combine(sandbox.Root, "opt", "seat guard", "seatguard"));

        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = "/usr/bin:/bin" }, program, "hooks", "install");

        r.ExitCode.ShouldBe(0, r.ToString());
        StatusLineCommand(sandbox.UserSettingsPath).ShouldBe(SeatGuardCommands.ShellQuote(program) + " statusline");
    }

    [Fact]
    public async Task ExplicitCommandWins()
    {
        using var sandbox = new SandboxHome();
        var build = Executable(Path.Combine(sandbox.Root, "repo", ".build", "cli", "b-1-quick", "seatguard"));
        var r = await CliHarness.RunAsProgramAsync(sandbox, new() { ["PATH"] = "/usr/bin" }, build, "hooks", "install", "--command", "seatguard");
        r.ExitCode.ShouldBe(0, r.ToString());
        StatusLineCommand(sandbox.UserSettingsPath).ShouldBe("seatguard statusline");
    }

    [Fact]
    public async Task ProjectScopeWarnsThatTheFileIsUsuallyCommittedAndLocalScopeWritesSettingsLocalJson()
    {
        using var sandbox = new SandboxHome();
        var project = await CliHarness.RunAsync(sandbox, null, "hooks", "install", "--scope", "project", "--command", "/opt/seatguard/seatguard");
        project.ExitCode.ShouldBe(0, project.ToString());
        project.StdErr.ShouldContain("usually committed");
        project.StdErr.ShouldContain("--scope local");

        var local = await CliHarness.RunAsync(sandbox, null, "hooks", "install", "--scope", "local", "--command", "/opt/seatguard/seatguard", "--json");
        local.ExitCode.ShouldBe(0, local.ToString());
        local.StdErr.ShouldNotContain("usually committed");
        StatusLineCommand(sandbox.LocalSettingsPath).ShouldBe("/opt/seatguard/seatguard statusline");
        JsonNode.Parse(local.StdOut)!["scope"]!.GetValue<string>().ShouldBe("local");

        (await CliHarness.RunAsync(sandbox, null, "hooks", "uninstall", "--scope", "local")).ExitCode.ShouldBe(0);
        File.ReadAllText(sandbox.LocalSettingsPath).ShouldNotContain("statusline");
    }

    [Theory]
    [InlineData("/home/u/repo/.build/cli/b-1/seatguard", true)]
    [InlineData("/home/u/repo/src/SeatGuard.Cli/bin/Debug/net10.0/seatguard", true)]
    [InlineData("/home/u/repo/src/SeatGuard.Cli/obj/Release/seatguard", true)]
    [InlineData("/home/u/.dotnet/tools/.store/seatguard/0.1.0/seatguard", true)]
    [InlineData("/home/u/.local/bin/seatguard", false)]
    [InlineData("/usr/local/bin/seatguard", false)]
    [InlineData("/home/u/bin/seatguard", false)]
    public void BuildFoldersAreRecognised(string path, bool build) =>
        Core.Install.InstalledProgram.IsInBuildFolder(path).ShouldBe(build);
}
