using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Cli;

/// <summary>
/// Builds the program through the repository's ./seatguard launcher as a user's first call does (a plain build that
/// answers, the native build in the background), then waits for the natively compiled build (SEATGUARD_BUILD=aot), so
/// the smoke tests run the program users end up with.
/// </summary>
public sealed class LauncherFixture
{
    public string Launcher { get; } = Path.Combine(ToolPaths.RepoRoot, "seatguard");

    public static Dictionary<string, string> Environment(string home)
    {
        var env = ProcessRunner.CleanEnvironment(home);
        env["NUGET_PACKAGES"] = ToolPaths.NuGetPackages;
        return env;
    }

    public LauncherFixture()
    {
        using var sandbox = new SandboxHome();
        var first = ProcessRunner.RunAsync(Launcher, ["--version"], Environment(sandbox.Home), sandbox.Root, timeout: TimeSpan.FromMinutes(25)).GetAwaiter().GetResult();
        if (first.ExitCode != 0) throw new InvalidOperationException("./seatguard could not build the CLI:\n" + first);
        var env = Environment(sandbox.Home);
        env["SEATGUARD_BUILD"] = "aot";
        var native = ProcessRunner.RunAsync(Launcher, ["--version"], env, sandbox.Root, timeout: TimeSpan.FromMinutes(25)).GetAwaiter().GetResult();
        if (native.ExitCode != 0) throw new InvalidOperationException("./seatguard could not make the native build:\n" + native);
    }
}

/// <summary>
/// The program users run — built by ./seatguard (Native AOT where a C toolchain exists, else ReadyToRun) —
/// does every command's main job, not only the in-process CLI the other tests drive.
/// </summary>
public sealed class LauncherSmokeTests(LauncherFixture fixture) : IClassFixture<LauncherFixture>
{
    private async Task<ProcessResult> Run(SandboxHome sandbox, Dictionary<string, string>? extra, params string[] args)
    {
        var env = LauncherFixture.Environment(sandbox.Home);
        if (extra is not null) foreach (var (k, v) in extra) env[k] = v;
        return await ProcessRunner.RunAsync(fixture.Launcher, args, env, sandbox.Project, stdin: "", timeout: TimeSpan.FromMinutes(2));
    }

    private static JsonElement Json(ProcessResult r) => JsonDocument.Parse(r.StdOut).RootElement.Clone();

    [Fact]
    public async Task VersionAndHelp()
    {
        using var sandbox = new SandboxHome();
        (await Run(sandbox, null, "--version")).StdOut.Trim().ShouldMatch(@"^\d+\.\d+\.\d+$");
        var help = await Run(sandbox, null, "--help");
        help.ExitCode.ShouldBe(0);
        foreach (var command in new[] { "doctor", "run", "verify", "ledger", "decide", "policy", "scan", "usage", "report", "statusline", "hooks", "sync", "team", "install", "completion" })
            help.StdOut.ShouldContain(command);
    }

    [Fact]
    public async Task DoctorAgreesWithTheInProcessEngine()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };
        var built = await Run(sandbox, env, "doctor", "--json", "--expect", "subscription");
        var inProcess = await CliHarness.RunAsync(sandbox, env, "doctor", "--json");

        built.ExitCode.ShouldBe(3, built.ToString());
        Json(built).GetProperty("verdict").GetString().ShouldBe("api-key");
        Json(built).GetProperty("credential").GetProperty("fingerprint").GetString()
            .ShouldBe(JsonDocument.Parse(inProcess.StdOut).RootElement.GetProperty("credential").GetProperty("fingerprint").GetString());
        built.StdOut.ShouldNotContain(key[20..]);
    }

    [Fact]
    public async Task PolicyDecideAndScan()
    {
        using var sandbox = new SandboxHome();
        var decide = await Run(sandbox, null, "decide", "--scenario", "reselling", "--json");
        decide.ExitCode.ShouldBe(1);
        Json(decide).GetProperty("tier").GetString().ShouldBe("red");
        (await Run(sandbox, null, "policy", "history", "--json")).ExitCode.ShouldBe(0);

        var token = FakeTokens.OAuthToken();
        sandbox.WriteText(Path.Combine(sandbox.Project, "ci.env"), "CLAUDE_CODE_OAUTH_TOKEN=" + token + "\n");
        var scan = await Run(sandbox, null, "scan", sandbox.Project, "--json");
        scan.ExitCode.ShouldBe(1, scan.ToString());
        Json(scan).GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("rule").GetString()).ShouldContain("claude-oauth-token");
        scan.StdOut.ShouldNotContain(token[FakeTokens.OAuthPrefix.Length..]);
        var sarif = await Run(sandbox, null, "scan", sandbox.Project, "--format", "sarif");
        Json(sarif).GetProperty("version").GetString().ShouldBe("2.1.0");
    }

    [Fact]
    public async Task UsageReportStatuslineAndLedger()
    {
        using var sandbox = new SandboxHome();
        TranscriptCorpus.Generate(sandbox.ClaudeDir, CorpusOptions.CcusageCompatible with { Projects = 2, SessionsPerProject = 2, Days = 5 });
        var built = await Run(sandbox, null, "usage", "daily", "--json", "--no-cache");
        var inProcess = await CliHarness.RunAsync(sandbox, null, "usage", "daily", "--json", "--no-cache");
        built.ExitCode.ShouldBe(0, built.ToString());
        Json(built).GetProperty("totals").GetProperty("totalTokens").GetInt64()
            .ShouldBe(JsonDocument.Parse(inProcess.StdOut).RootElement.GetProperty("totals").GetProperty("totalTokens").GetInt64());
        (await Run(sandbox, null, "usage", "blocks", "--json")).ExitCode.ShouldBe(0);

        var html = Path.Combine(sandbox.Root, "r.html");
        (await Run(sandbox, null, "report", "--html", html, "--since", "2025-10-01", "--until", "2025-10-31")).ExitCode.ShouldBe(0);
        File.ReadAllText(html).ShouldContain("<svg");

        var line = await ProcessRunner.RunAsync(fixture.Launcher, ["statusline"], ProcessRunner.CleanEnvironment(sandbox.Home), sandbox.Project,
            stdin: """{"session_id":"s","model":{"display_name":"Opus"},"workspace":{"current_dir":"/tmp"}}""");
        line.ExitCode.ShouldBe(0);
        line.StdOut.ShouldContain("Opus");

        var plan = await Run(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(), ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, "run", "--dry-run", "--json", "--", "-p", "hi");
        plan.ExitCode.ShouldBe(0, plan.ToString());
        Json(plan).GetProperty("envRemoved").EnumerateArray().Select(e => e.GetString()).ShouldContain("ANTHROPIC_API_KEY");
        Json(await Run(sandbox, null, "ledger", "--json")).GetProperty("launches").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task InstallPutsTheNativeBuildOnPathAtAStablePathThatHooksName()
    {
        using var sandbox = new SandboxHome();
        var prefix = Path.Combine(sandbox.Root, "prefix");
        var bin = Path.Combine(prefix, "bin");
        var onPath = new Dictionary<string, string> { ["PATH"] = bin + ":" + System.Environment.GetEnvironmentVariable("PATH") };

        var install = await Run(sandbox, onPath, "install", "--prefix", prefix, "--json");

        install.ExitCode.ShouldBe(0, install.ToString());
        var result = Json(install);
        result.GetProperty("onPath").GetBoolean().ShouldBeTrue();
        if (OperatingSystem.IsLinux()) result.GetProperty("nativelyCompiled").GetBoolean().ShouldBeTrue(install.ToString());
        var command = Path.Combine(bin, "seatguard");
        var env = LauncherFixture.Environment(sandbox.Home);
        env["PATH"] = onPath["PATH"];
        (await ProcessRunner.RunAsync(command, ["--version"], env, sandbox.Project)).StdOut.Trim().ShouldBe(result.GetProperty("version").GetString());
        var ledger = await ProcessRunner.RunAsync(command, ["ledger", "--json"], env, sandbox.Project);   // the native SQLite library is found through the link
        ledger.ExitCode.ShouldBe(0, ledger.ToString());

        var hooks = await ProcessRunner.RunAsync(command, ["hooks", "install", "--json"], env, sandbox.Project);
        hooks.ExitCode.ShouldBe(0, hooks.ToString());
        File.ReadAllText(sandbox.UserSettingsPath).ShouldContain(command + " statusline");
        File.ReadAllText(sandbox.UserSettingsPath).ShouldNotContain(".build");

        var uninstall = await ProcessRunner.RunAsync(command, ["uninstall", "--prefix", prefix], env, sandbox.Project);
        uninstall.ExitCode.ShouldBe(0, uninstall.ToString());
        uninstall.StdErr.ShouldContain("hooks uninstall");
        Path.Exists(command).ShouldBeFalse();
    }

    [Fact]
    public async Task BashCompletionCompletesCommandsAndOptions()
    {
        using var sandbox = new SandboxHome();
        var exe = Path.Combine(ToolPaths.RepoRoot, ".build", "cli", "current");
        var script = "source <(seatguard completion bash); COMP_LINE='seatguard usage da'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(seatguard usage da); COMP_CWORD=2; " +
                     "_seatguard_complete; echo \"${COMPREPLY[*]}\"; COMP_LINE='seatguard scan --for'; COMP_POINT=${#COMP_LINE}; COMP_WORDS=(seatguard scan --for); " +
                     "_seatguard_complete; echo \"${COMPREPLY[*]}\"";
        var env = LauncherFixture.Environment(sandbox.Home);
        env["PATH"] = exe + ":" + env["PATH"];
        var r = await ProcessRunner.RunAsync("bash", ["-c", script], env, sandbox.Project);
        r.ExitCode.ShouldBe(0, r.ToString());
        var lines = r.StdOut.Trim().Split('\n');
        lines[0].Trim().ShouldBe("daily");
        lines[1].ShouldContain("--format");
    }

    /// <summary>The built program (Native AOT where possible) talks to a real PostgreSQL: Npgsql works trimmed and compiled ahead of time.</summary>
    [SeatGuard.Interop.Tests.Team.PostgresFact]
    public async Task SyncAndTeamReportAgainstPostgres()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        using var sandbox = new SandboxHome();
        TranscriptCorpus.Generate(sandbox.ClaudeDir, CorpusOptions.CcusageCompatible with { Projects = 2, SessionsPerProject = 2, Days = 5 });
        var env = new Dictionary<string, string> { ["SEATGUARD_TEAM_KEY"] = TeamSamples.NewTeamKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(), ["SEATGUARD_STORE"] = db.Url };

        var sync = await Run(sandbox, env, "sync", "--machine", "built", "--person", "pat", "--json");
        sync.ExitCode.ShouldBe(0, sync.ToString());
        Json(sync).GetProperty("days").GetProperty("sent").GetInt32().ShouldBeGreaterThan(0);
        var report = await Run(sandbox, env, "team", "report", "--json");
        report.ExitCode.ShouldBe(0, report.ToString());
        var inProcess = await CliHarness.RunAsync(sandbox, null, "usage", "daily", "--json");
        Json(report).GetProperty("totals").GetProperty("totalTokens").GetInt64()
            .ShouldBe(JsonDocument.Parse(inProcess.StdOut).RootElement.GetProperty("totals").GetProperty("totalTokens").GetInt64());
        Json(report).GetProperty("machines")[0].GetProperty("machine").GetString().ShouldBe("built");
    }
}
