using System.Diagnostics;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Cli;

/// <summary>
/// The ./seatguard launcher on a fresh copy of the working tree (sources, props, the script; no build): the first calls
/// answer from a plain build while the native build goes on in the background, concurrent first calls share one build,
/// no lock outlives the calls that need it, and without the .NET SDK it says what to install.
/// </summary>
public sealed class LauncherBuildTests
{
    private static string FreshCopy(SandboxHome sandbox)
    {
        var root = Path.Combine(sandbox.Root, "clone");
        Directory.CreateDirectory(root);
        foreach (var file in new[] { "seatguard", "Directory.Build.props", "Directory.Packages.props", "SeatGuard.sln" })
            File.Copy(Path.Combine(ToolPaths.RepoRoot, file), Path.Combine(root, file));
        File.SetUnixFileMode(Path.Combine(root, "seatguard"), File.GetUnixFileMode(Path.Combine(ToolPaths.RepoRoot, "seatguard")));
        Copy(Path.Combine(ToolPaths.RepoRoot, "src"), Path.Combine(root, "src"));
        return root;
    }

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var f in Directory.GetFiles(from)) File.Copy(f, Path.Combine(to, Path.GetFileName(f)));
        foreach (var d in Directory.GetDirectories(from).Where(d => Path.GetFileName(d) is not ("bin" or "obj")))
            Copy(d, Path.Combine(to, Path.GetFileName(d)));
    }

    /// <summary>The processes (pid → process group) that have <paramref name="file"/> open.</summary>
    private static List<(int Pid, int Group)> Holders(string file)
    {
        var holders = new List<(int, int)>();
        foreach (var proc in Directory.GetDirectories("/proc").Where(d => int.TryParse(Path.GetFileName(d), out _)))
        {
            try
            {
                if (!Directory.GetFiles(Path.Combine(proc, "fd")).Any(fd => new FileInfo(fd).LinkTarget == file)) continue;
                var stat = File.ReadAllText(Path.Combine(proc, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                holders.Add((int.Parse(Path.GetFileName(proc)), int.Parse(fields[2])));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        return holders;
    }

    private static async Task<bool> LockIsFree(string lockFile, string cwd) =>
        (await ProcessRunner.RunAsync("flock", ["-n", lockFile, "true"], ProcessRunner.CleanEnvironment(cwd), cwd)).ExitCode == 0;

    [Fact]
    public async Task TwoFirstCallsAtOnceShareOneBuildAnswerAndLeaveTheLockFree()
    {
        using var sandbox = new SandboxHome();
        var root = FreshCopy(sandbox);
        var env = LauncherFixture.Environment(sandbox.Home);
        var launcher = Path.Combine(root, "seatguard");

        var calls = await Task.WhenAll(
            ProcessRunner.RunAsync(launcher, ["--version"], env, sandbox.Project, timeout: TimeSpan.FromMinutes(10)),
            ProcessRunner.RunAsync(launcher, ["doctor", "--json"], env, sandbox.Project, timeout: TimeSpan.FromMinutes(10)));
        var nativeLock = Path.Combine(root, ".build", "cli", ".native.lock");
        var background = Holders(nativeLock);
        try
        {
            foreach (var call in calls) call.ExitCode.ShouldBe(0, call.ToString());
            calls[0].StdOut.Trim().ShouldMatch(@"^\d+\.\d+\.\d+$");
            calls[1].StdOut.ShouldContain("\"verdict\"");
            // One of them built, saying what it did step by step; the other waited for that build.
            calls.Count(c => c.StdErr.Contains("[1/3] restoring")).ShouldBe(1, string.Join("\n", calls.Select(c => c.StdErr)));
            var builder = calls.Single(c => c.StdErr.Contains("[1/3]"));
            builder.StdErr.ShouldContain("[3/3] compiling the command line");
            builder.StdErr.ShouldContain("in the background");

            // The build lock is free as soon as the calls returned, although the native build goes on (no build server, no child holds it).
            (await LockIsFree(Path.Combine(root, ".build", "cli", ".lock"), root)).ShouldBeTrue();
            Holders(Path.Combine(root, ".build", "cli", ".lock")).ShouldBeEmpty();
            var again = await ProcessRunner.RunAsync(launcher, ["--version"], env, sandbox.Project);
            again.ExitCode.ShouldBe(0, again.ToString());
            again.StdErr.ShouldNotContain("building");
        }
        finally
        {
            // The background native build is this test's: end its process group.
            foreach (var group in Holders(nativeLock).Concat(background).Select(h => h.Group).Distinct())
                Process.Start("kill", ["-TERM", "--", "-" + group])?.WaitForExit();
        }
    }

    [Fact]
    public async Task APlainBuildOnlyLeavesNothingRunningAndLaterCallsDoNotRebuild()
    {
        using var sandbox = new SandboxHome();
        var root = FreshCopy(sandbox);
        var env = LauncherFixture.Environment(sandbox.Home);
        env["SEATGUARD_BUILD"] = "quick";
        var launcher = Path.Combine(root, "seatguard");

        var first = await ProcessRunner.RunAsync(launcher, ["--version"], env, sandbox.Project, timeout: TimeSpan.FromMinutes(10));

        first.ExitCode.ShouldBe(0, first.ToString());
        first.StdErr.ShouldNotContain("background");
        Holders(Path.Combine(root, ".build", "cli", ".lock")).ShouldBeEmpty();
        Holders(Path.Combine(root, ".build", "cli", ".native.lock")).ShouldBeEmpty();
        File.Exists(Path.Combine(root, ".build", "cli", "current", "seatguard")).ShouldBeTrue();
        var second = await ProcessRunner.RunAsync(launcher, ["--version"], env, sandbox.Project);
        second.StdErr.ShouldBeEmpty();

        // A source change rebuilds; the old build's folder makes room for the new one.
        File.AppendAllText(Path.Combine(root, "src", "SeatGuard.Cli", "Program.cs"), "\n// changed\n");
        var third = await ProcessRunner.RunAsync(launcher, ["--version"], env, sandbox.Project, timeout: TimeSpan.FromMinutes(10));
        third.ExitCode.ShouldBe(0, third.ToString());
        third.StdErr.ShouldContain("[3/3] compiling the command line");
        Directory.GetDirectories(Path.Combine(root, ".build", "cli"), "b-*").Length.ShouldBeLessThanOrEqualTo(2);
    }

    [Fact]
    public async Task WithoutTheDotnetSdkItSaysWhatToInstall()
    {
        using var sandbox = new SandboxHome();
        var root = FreshCopy(sandbox);
        var bin = Path.Combine(sandbox.Root, "bin-without-dotnet");
        Directory.CreateDirectory(bin);
        foreach (var tool in new[] { "bash", "readlink", "dirname", "mkdir", "flock", "find", "touch", "date", "rm", "grep", "uname" })
        {
            var real = new[] { "/usr/bin/", "/bin/" }.Select(d => d + tool).FirstOrDefault(File.Exists);
            if (real is not null) File.CreateSymbolicLink(Path.Combine(bin, tool), real);
        }
        var env = ProcessRunner.CleanEnvironment(sandbox.Home);
        env["PATH"] = bin;

        var r = await ProcessRunner.RunAsync(Path.Combine(bin, "bash"), [Path.Combine(root, "seatguard"), "doctor"], env, sandbox.Project);

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain(".NET 10 SDK");
        r.StdErr.ShouldContain("dotnet.microsoft.com");
        r.StdErr.ShouldContain("dotnet-sdk-10.0");
    }
}
