using System.Text.Json.Nodes;
using SeatGuard.Core.Install;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Install;

/// <summary><c>seatguard install|uninstall</c> with a stand-in program folder (a script that prints a version).</summary>
public sealed class InstallerTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private readonly string _build;

    public InstallerTests()
    {
        _build = Path.Combine(_sandbox.Root, "repo", ".build", "cli", "b-1-native");
        Directory.CreateDirectory(Path.Combine(_build, "runtimes"));
        File.WriteAllText(Program, "#!/bin/sh\necho 9.8.7\n");
        File.SetUnixFileMode(Program, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.WriteAllText(Path.Combine(_build, "libe_sqlite3.so"), "native library");
        File.WriteAllText(Path.Combine(_build, "runtimes", "data.txt"), "nested");
        File.WriteAllText(Path.Combine(_build, "seatguard.dbg"), "debug symbols stay behind");
        File.WriteAllText(Path.Combine(_build, ".quick"), "launcher marker stays behind");
    }

    public void Dispose() => _sandbox.Dispose();

    private string Program => Path.Combine(_build, "seatguard");
    private string Prefix => Path.Combine(_sandbox.Root, "prefix");

    private Task<CliResult> Run(string? path, params string[] args) =>
        CliHarness.RunAsProgramAsync(_sandbox, new() { ["PATH"] = (path is null ? "" : path + ":") + "/usr/bin:/bin" }, Program, args);

    [Fact]
    public async Task InstallCopiesTheProgramFolderAndLinksTheCommand()
    {
        var r = await Run(Path.Combine(Prefix, "bin"), "install", "--prefix", Prefix, "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        var json = JsonNode.Parse(r.StdOut)!;
        json["version"]!.GetValue<string>().ShouldBe("9.8.7");
        json["onPath"]!.GetValue<bool>().ShouldBeTrue();
        json["changed"]!.GetValue<bool>().ShouldBeTrue();
        var command = Path.Combine(Prefix, "bin", "seatguard");
        var lib = Path.Combine(Prefix, "lib", "seatguard");
        new FileInfo(command).LinkTarget.ShouldBe(Path.Combine(lib, "seatguard"));
        File.Exists(Path.Combine(lib, "libe_sqlite3.so")).ShouldBeTrue();
        File.Exists(Path.Combine(lib, "runtimes", "data.txt")).ShouldBeTrue();
        File.Exists(Path.Combine(lib, "seatguard.dbg")).ShouldBeFalse();
        File.Exists(Path.Combine(lib, ".quick")).ShouldBeFalse();
        File.Exists(Path.Combine(lib, Installer.Marker)).ShouldBeTrue();
        Directory.GetDirectories(Path.Combine(Prefix, "lib")).Length.ShouldBe(1); // no staging folder left
    }

    [Fact]
    public async Task TheDefaultPrefixIsDotLocalAndAMissingPathEntryIsExplained()
    {
        var r = await Run(null, "install");

        r.ExitCode.ShouldBe(0, r.ToString());
        File.Exists(Path.Combine(_sandbox.Home, ".local", "bin", "seatguard")).ShouldBeTrue();
        r.StdErr.ShouldContain("is not on PATH");
        r.StdErr.ShouldContain("export PATH=");
    }

    [Fact]
    public async Task ReinstallingReplacesTheFolderAndUninstallRemovesOnlyWhatInstallPut()
    {
        (await Run(null, "install", "--prefix", Prefix)).ExitCode.ShouldBe(0);
        File.WriteAllText(Path.Combine(_build, "libe_sqlite3.so"), "newer library");
        (await Run(null, "install", "--prefix", Prefix)).ExitCode.ShouldBe(0);
        File.ReadAllText(Path.Combine(Prefix, "lib", "seatguard", "libe_sqlite3.so")).ShouldBe("newer library");
        var other = Path.Combine(Prefix, "bin", "other-tool");
        File.WriteAllText(other, "not ours");

        var r = await Run(null, "uninstall", "--prefix", Prefix, "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        JsonNode.Parse(r.StdOut)!["changed"]!.GetValue<bool>().ShouldBeTrue();
        Path.Exists(Path.Combine(Prefix, "bin", "seatguard")).ShouldBeFalse();
        Directory.Exists(Path.Combine(Prefix, "lib", "seatguard")).ShouldBeFalse();
        File.Exists(other).ShouldBeTrue();
        (await Run(null, "uninstall", "--prefix", Prefix)).StdOut.ShouldContain("nothing to uninstall");
    }

    [Fact]
    public async Task AForeignCommandIsLeftAloneUnlessForced()
    {
        var command = Path.Combine(Prefix, "bin", "seatguard");
        Directory.CreateDirectory(Path.GetDirectoryName(command)!);
        File.WriteAllText(command, "#!/bin/sh\necho someone else's\n");

        var refused = await Run(null, "install", "--prefix", Prefix);
        refused.ExitCode.ShouldBe(2, refused.ToString());
        refused.StdErr.ShouldContain("not SeatGuard's");
        File.ReadAllText(command).ShouldContain("someone else's");

        (await Run(null, "uninstall", "--prefix", Prefix)).StdErr.ShouldContain("left alone");
        File.Exists(command).ShouldBeTrue();

        (await Run(null, "install", "--prefix", Prefix, "--force")).ExitCode.ShouldBe(0);
        new FileInfo(command).LinkTarget.ShouldNotBeNull();
    }

    [Fact]
    public async Task UninstallWarnsWhenClaudeCodeStillRunsTheInstalledCommand()
    {
        (await Run(null, "install", "--prefix", Prefix)).ExitCode.ShouldBe(0);
        var command = Path.Combine(Prefix, "bin", "seatguard");
        (await Run(null, "hooks", "install", "--command", command)).ExitCode.ShouldBe(0);

        var r = await Run(null, "uninstall", "--prefix", Prefix);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdErr.ShouldContain("seatguard hooks uninstall");
    }

    [Fact]
    public async Task ADryRunChangesNothing()
    {
        var r = await Run(null, "install", "--prefix", Prefix, "--dry-run", "--json");
        r.ExitCode.ShouldBe(0, r.ToString());
        JsonNode.Parse(r.StdOut)!["dryRun"]!.GetValue<bool>().ShouldBeTrue();
        Directory.Exists(Prefix).ShouldBeFalse();
    }
}
