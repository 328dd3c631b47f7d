using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Launch;

/// <summary>
/// Issue 16 against the real Claude Code: the stand-in answers with the unified rate-limit headers (normal, warning,
/// usage credits in use, served from credits, rejected); the overage tripwire stops the run with exit 3 and records it;
/// a text-mode -p run prints exactly what claude prints while its verdict and events land in the ledger.
/// </summary>
public sealed class OverageGuardTests
{
    [Theory]
    [InlineData(RateLimitScenario.OverageInUse, "usage credits")]
    [InlineData(RateLimitScenario.ServedFromCredits, "served from usage credits")]
    [InlineData(RateLimitScenario.Rejected, "exhausted")]
    public async Task TheTripwireStopsTheRunWithExitThreeAndRecordsIt(RateLimitScenario scenario, string says)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = scenario });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);

        var result = await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--no-session-persistence");

        result.ExitCode.ShouldBe(3, result.ToString());
        var stop = result.StdErr.Split('\n').Single(l => l.StartsWith("seatguard: stopped Claude Code", StringComparison.Ordinal));
        stop.ShouldContain(says);
        stop.ShouldContain("--on-overage warn");
        result.StdErr.ShouldContain("seatguard: verdict subscription exit=3 by=seatguard reason=overage");
        result.StdOut.ShouldBeEmpty(); // stopped: nothing of the run is printed as if it had finished
        var launch = await CliHarness.LastLaunchAsync(sandbox, env);
        launch.GetProperty("overage").GetBoolean().ShouldBeTrue();
        launch.GetProperty("stoppedBy").GetString().ShouldBe("overage");
        launch.GetProperty("seatGuardExit").GetInt32().ShouldBe(3);
        launch.GetProperty("verdict").GetString().ShouldBe("subscription");
        var ev = launch.GetProperty("rateLimitEvents").EnumerateArray().First();
        ev.GetProperty("type").GetString().ShouldBe("five_hour");
        if (scenario == RateLimitScenario.OverageInUse) ev.GetProperty("overageInUse").GetBoolean().ShouldBeTrue();
        if (scenario == RateLimitScenario.ServedFromCredits) ev.GetProperty("isUsingOverage").GetBoolean().ShouldBeTrue();
        if (scenario == RateLimitScenario.Rejected) ev.GetProperty("status").GetString().ShouldBe("rejected");
    }

    [Fact]
    public async Task WarnRecordsAndContinuesAllowIsQuiet()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.ServedFromCredits });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);

        var warn = await CliHarness.RunAsync(sandbox, env, "run", "--on-overage", "warn", "--", "-p", "ping", "--no-session-persistence");
        warn.ExitCode.ShouldBe(0, warn.ToString());
        warn.StdOut.ShouldMatch(@"^pong \d+\n$");
        warn.StdErr.ShouldContain("continuing because of --on-overage warn");
        (await CliHarness.LastLaunchAsync(sandbox, env)).GetProperty("overage").GetBoolean().ShouldBeTrue();

        var allow = await CliHarness.RunAsync(sandbox, env, "run", "--on-overage", "allow", "--", "-p", "ping", "--no-session-persistence");
        allow.ExitCode.ShouldBe(0, allow.ToString());
        allow.StdErr.ShouldNotContain("usage credits");
        (await CliHarness.LastLaunchAsync(sandbox, env)).GetProperty("overage").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task AWarningWindowIsSaidButNotStopped()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Warning });
        var result = await CliHarness.RunAsync(sandbox, ClaudeRunner.SeatGuardEnvironment(sandbox, standIn), "run", "--", "-p", "ping", "--no-session-persistence");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdErr.ShouldContain("nearly used");
        result.StdErr.ShouldContain("91% used");
    }

    [Theory]
    [InlineData(RateLimitScenario.Normal, new string[0])]
    [InlineData(RateLimitScenario.Rejected, new[] { "--on-overage", "allow" })]
    public async Task ATextModeRunPrintsExactlyWhatClaudePrintsWithTheSameExitCode(RateLimitScenario scenario, string[] seatguardOptions)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = scenario });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);

        var direct = await ProcessRunner.RunAsync(ToolPaths.Claude, ["-p", "say pong", "--no-session-persistence"], env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(90));
        var through = await CliHarness.RunAsync(sandbox, env, ["run", .. seatguardOptions, "--", "-p", "say pong", "--no-session-persistence"]);

        // The stand-in numbers its answers; apart from that number the output is byte for byte the same.
        static string Numbered(string s) => System.Text.RegularExpressions.Regex.Replace(s, @"pong \d+", "pong N");
        direct.StdOut.ShouldNotBeEmpty();
        Numbered(through.StdOut).ShouldBe(Numbered(direct.StdOut), through.ToString());
        through.ExitCode.ShouldBe(direct.ExitCode, through.ToString());
        through.StdErr.ShouldContain("seatguard: verdict subscription exit=" + direct.ExitCode + " by=claude");
        var launch = await CliHarness.LastLaunchAsync(sandbox, env);
        launch.GetProperty("verdict").GetString().ShouldBe("subscription");
        launch.GetProperty("sessionId").GetString().ShouldNotBeNullOrEmpty();
        launch.GetProperty("models").EnumerateArray().ShouldNotBeEmpty();
        launch.GetProperty("rateLimitEvents").GetArrayLength().ShouldBeGreaterThan(0);
        if (scenario == RateLimitScenario.Normal)
        {
            launch.GetProperty("requestIds").EnumerateArray().Single().GetString()!.ShouldStartWith("req_");
            launch.GetProperty("costUsd").GetDouble().ShouldBeGreaterThan(0);
        }
        launch.GetProperty("command").GetString()!.ShouldNotContain("say pong"); // prompts are kept as a length and a hash
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AJsonModeRunReproducesClaudesJsonResult(bool verbose)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        string[] args = ["-p", "say pong", "--output-format", "json", "--no-session-persistence", .. verbose ? new[] { "--verbose" } : []];

        var direct = await ProcessRunner.RunAsync(ToolPaths.Claude, args, env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(90));
        var through = await CliHarness.RunAsync(sandbox, env, ["run", "--", .. args]);

        through.ExitCode.ShouldBe(direct.ExitCode, through.ToString());
        through.StdOut.Count(c => c == '\n').ShouldBe(1);
        Shape(through.StdOut).ShouldBe(Shape(direct.StdOut));
    }

    /// <summary>The JSON's structure, key order and stable values, with per-run values (ids, timings, the answer's number) blanked.</summary>
    private static string Shape(string json)
    {
        static string Walk(JsonElement e, string? key) => e.ValueKind switch
        {
            JsonValueKind.Object => "{" + string.Join(",", e.EnumerateObject().Select(p => p.Name + ":" + Walk(p.Value, p.Name))) + "}",
            JsonValueKind.Array => key is "tools" or "slash_commands" or "skills" or "plugins" or "agents" or "capabilities" ? "[…]" : "[" + string.Join(",", e.EnumerateArray().Select(x => Walk(x, null))) + "]",
            JsonValueKind.String when key is "session_id" or "uuid" or "cwd" or "original_cwd" or "id" or "request_id" or "timestamp" or "messaging_socket_path" or "auto" or "result" or "text" => "\"*\"",
            JsonValueKind.Number when key is not null && (key.EndsWith("_ms", StringComparison.Ordinal) || key.EndsWith("At", StringComparison.Ordinal)) => "0",
            _ => e.GetRawText(),
        };
        return Walk(JsonDocument.Parse(json).RootElement, null);
    }

    [Fact]
    public async Task VerifyStopsOnOverageToo()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.ServedFromCredits });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        var result = await CliHarness.RunAsync(sandbox, env, "verify", "--json");
        result.ExitCode.ShouldBe(3, result.ToString());
        result.StdErr.ShouldContain("--on-overage warn");
        JsonDocument.Parse(result.StdOut).RootElement.GetProperty("overageInUse").GetBoolean().ShouldBeTrue();
        (await CliHarness.LastLaunchAsync(sandbox, env)).GetProperty("overage").GetBoolean().ShouldBeTrue();
        (await CliHarness.RunAsync(sandbox, env, "verify", "--on-overage", "warn")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task TheLedgerExportCarriesTheEvidenceAndNoCredential()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.OverageInUse });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        (await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--no-session-persistence")).ExitCode.ShouldBe(3);

        var json = await CliHarness.RunAsync(sandbox, env, "ledger", "export", "--since", "2026-01-01");
        json.ExitCode.ShouldBe(0, json.ToString());
        var launch = JsonDocument.Parse(json.StdOut).RootElement.GetProperty("launches").EnumerateArray().Single();
        foreach (var field in new[] { "sessionId", "models", "requestIds", "rateLimitEvents", "costUsd", "verdict", "credentialKind", "credentialSource", "credentialFingerprint" })
            launch.TryGetProperty(field, out _).ShouldBeTrue(field);
        var ev = launch.GetProperty("rateLimitEvents").EnumerateArray().First();
        foreach (var field in new[] { "type", "status", "utilization", "resetsAt", "overageInUse", "isUsingOverage" }) ev.TryGetProperty(field, out _).ShouldBeTrue(field);
        launch.GetProperty("credentialFingerprint").GetString()!.ShouldStartWith("sha256:");

        var csv = await CliHarness.RunAsync(sandbox, env, "ledger", "export", "--format", "csv");
        csv.StdOut.Split('\n')[0].ShouldStartWith("id,time,beneficiary");
        csv.StdOut.ShouldContain("overage");
        foreach (var output in new[] { json.StdOut, csv.StdOut }) output.ShouldNotContain(env["CLAUDE_CODE_OAUTH_TOKEN"][^30..]);
    }

    [Fact]
    public async Task AModelThatBillsUsageCreditsIsRefusedUnlessAllowed()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        sandbox.WriteText(Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"), """{"plan":"pro"}""");

        var refused = await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--model", "fable", "--no-session-persistence");
        refused.ExitCode.ShouldBe(4, refused.ToString());
        refused.StdErr.ShouldContain("fable-from-first-request");
        refused.StdErr.ShouldContain("--allow-usage-credits");
        refused.StdErr.ShouldContain("seatguard: verdict refused exit=4 by=seatguard reason=refused");
        standIn.Requests.ShouldBeEmpty();

        // The same model picked by an alias remapped in the settings is found too.
        sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_DEFAULT_SONNET_MODEL", "claude-fable-5-2"));
        (await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--model", "sonnet")).ExitCode.ShouldBe(4);
        standIn.Requests.ShouldBeEmpty();

        var allowed = await CliHarness.RunAsync(sandbox, env, "run", "--allow-usage-credits", "--", "-p", "ping", "--model", "fable", "--no-session-persistence");
        allowed.ExitCode.ShouldBe(0, allowed.ToString());
        standIn.MessageRequests.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task TheModelPolicyDecidesPrintsAndRecords()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        var policy = sandbox.WriteText(Path.Combine(sandbox.Project, "models.yaml"), """
            rules:
              - name: heavy-reasoning
                when: { promptMatches: [architecture] }
                model: claude-opus-5-5
              - name: routine
                model: claude-haiku-5-5
            """);

        var result = await CliHarness.RunAsync(sandbox, env, "run", "--model-policy", policy, "--", "-p", "fix a typo", "--no-session-persistence");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdErr.ShouldContain("model policy: claude-haiku-5-5 (rule 'routine'");
        var launch = await CliHarness.LastLaunchAsync(sandbox, env);
        launch.GetProperty("modelDecision").GetString()!.ShouldContain("routine");
        launch.GetProperty("models").EnumerateArray().Select(m => m.GetString()).ShouldContain("claude-haiku-5-5");
    }
}
