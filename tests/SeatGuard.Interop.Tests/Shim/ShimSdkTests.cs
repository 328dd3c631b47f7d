using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Shim;

/// <summary>
/// Issue 20 with the real Agent SDK (@anthropic-ai/claude-agent-sdk, pinned in tests/tools) and the real Claude Code: a
/// Node program's query() runs SeatGuard's `claude` shim, which launches claude through the one-credential plan.
/// </summary>
public sealed class ShimSdkTests
{
    private static string SdkProgram => Path.Combine(ToolPaths.RepoRoot, "tests", "tools", "sdk-query.mjs");

    private sealed record Setup(SandboxHome Sandbox, MessagesApiStandIn StandIn, Dictionary<string, string> Env, string Shim, string OAuth, string ApiKey) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await StandIn.DisposeAsync();
            Sandbox.Dispose();
        }
    }

    private static async Task<Setup> StartAsync(RateLimitScenario scenario = RateLimitScenario.Normal)
    {
        var sandbox = new SandboxHome();
        var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = scenario });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn, oauthToken: false);
        var install = await CliHarness.InstallShimAsync(sandbox, env, Path.Combine(sandbox.Root, "shim"));
        install.ExitCode.ShouldBe(0, install.ToString());
        var shim = install.StdOut.TrimEnd('\n').Split('\n')[^1];
        File.Exists(shim).ShouldBeTrue(shim);
        var oauth = FakeTokens.OAuthToken();
        var key = FakeTokens.ApiKey();
        env["CLAUDE_CODE_OAUTH_TOKEN"] = oauth;
        env["ANTHROPIC_API_KEY"] = key;
        return new Setup(sandbox, standIn, env, shim, oauth, key);
    }

    private static async Task<(List<JsonElement> Messages, string? Thrown, ProcessResult Raw)> QueryAsync(Setup s, bool multi = false)
    {
        var r = await ProcessRunner.RunAsync("node", [SdkProgram, "--claude", s.Shim, .. multi ? new[] { "--multi" } : []], s.Env, s.Sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(150));
        var lines = r.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var thrown = lines.Where(l => l.TryGetProperty("thrown", out _)).Select(l => l.GetProperty("thrown").GetString()).FirstOrDefault();
        return (lines, thrown, r);
    }

    [Fact]
    public async Task TheOwnersQueryPutsOnlyTheOAuthTokenOnTheWireAndIsRecordedWithItsVerdict()
    {
        await using var s = await StartAsync();

        var (messages, thrown, raw) = await QueryAsync(s);

        thrown.ShouldBeNull(raw.ToString());
        var result = messages.Single(m => m.TryGetProperty("type", out var t) && t.GetString() == "result");
        result.GetProperty("is_error").GetBoolean().ShouldBeFalse(raw.ToString());
        messages.First(m => m.GetProperty("type").GetString() == "system").GetProperty("apiKeySource").GetString().ShouldBe("none");
        s.StandIn.MessageRequests.ShouldNotBeEmpty();
        foreach (var request in s.StandIn.MessageRequests)
        {
            request.BearerToken.ShouldBe(s.OAuth);
            request.ApiKey.ShouldBeNull();
            request.UserAgent!.ShouldContain("sdk-ts");
        }

        var launch = await CliHarness.LastLaunchAsync(s.Sandbox, s.Env);
        launch.GetProperty("verdict").GetString().ShouldBe("subscription");
        launch.GetProperty("beneficiary").GetString().ShouldBe("owner");
        launch.GetProperty("mode").GetString().ShouldBe("subscription");
        launch.GetProperty("credentialKind").GetString().ShouldBe("oauth-token");
        launch.GetProperty("sessionId").GetString().ShouldBe(result.GetProperty("session_id").GetString());
        raw.StdErr.ShouldNotContain(s.OAuth[^30..]);
        raw.StdErr.ShouldNotContain(s.ApiKey[^30..]);
    }

    [Fact]
    public async Task SomeoneElsesQueryWithoutAnApiKeySendsNothingAndFailsWithSeatGuardsReason()
    {
        await using var s = await StartAsync();
        s.Env["SEATGUARD_FOR"] = "client-acme";
        s.Env.Remove("ANTHROPIC_API_KEY");

        var (messages, thrown, raw) = await QueryAsync(s);

        thrown.ShouldNotBeNull(raw.ToString());
        // The SDK saw a clean CLI error: one result with is_error and SeatGuard's reason, then exit 4 (the verdict line says so).
        var result = messages.Single(m => m.TryGetProperty("type", out var t) && t.GetString() == "result");
        result.GetProperty("is_error").GetBoolean().ShouldBeTrue();
        result.GetProperty("result").GetString()!.ShouldStartWith("SeatGuard refused this run:");
        thrown.ShouldStartWith("Claude Code returned an error result: SeatGuard refused this run:");
        thrown.ShouldContain("client-acme");
        thrown.ShouldContain("API key");
        s.StandIn.Requests.ShouldBeEmpty();
        raw.StdErr.ShouldContain("seatguard: verdict refused exit=4 by=seatguard reason=refused");
    }

    [Fact]
    public async Task SomeoneElsesQueryWithAnApiKeyBillsTheKeyAndOnlyTheKey()
    {
        await using var s = await StartAsync();
        s.Env["SEATGUARD_FOR"] = "client-acme";

        var (_, thrown, raw) = await QueryAsync(s);

        thrown.ShouldBeNull(raw.ToString());
        s.StandIn.MessageRequests.ShouldNotBeEmpty();
        s.StandIn.MessageRequests.ShouldAllBe(r => r.ApiKey == s.ApiKey && r.Authorization == null);
        (await CliHarness.LastLaunchAsync(s.Sandbox, s.Env)).GetProperty("verdict").GetString().ShouldBe("api-key");
    }

    [Fact]
    public async Task AMultiTurnStreamingQueryWorksThroughTheShimUnchanged()
    {
        await using var s = await StartAsync();

        var (messages, thrown, raw) = await QueryAsync(s, multi: true);

        thrown.ShouldBeNull(raw.ToString());
        var results = messages.Where(m => m.TryGetProperty("type", out var t) && t.GetString() == "result").ToList();
        results.Count.ShouldBe(2, raw.ToString());
        results.ShouldAllBe(r => !r.GetProperty("is_error").GetBoolean());
        s.StandIn.MessageRequests.Count.ShouldBeGreaterThanOrEqualTo(2);
        s.StandIn.MessageRequests.ShouldAllBe(r => r.BearerToken == s.OAuth && r.ApiKey == null);
        (await CliHarness.LastLaunchAsync(s.Sandbox, s.Env)).GetProperty("verdict").GetString().ShouldBe("subscription");
    }

    [Fact]
    public async Task UsageCreditsDrawnStopTheSdkRunWithSeatGuardsReason()
    {
        await using var s = await StartAsync(RateLimitScenario.ServedFromCredits);

        var (_, thrown, raw) = await QueryAsync(s);

        thrown.ShouldNotBeNull(raw.ToString());
        thrown.ShouldContain("SeatGuard stopped Claude Code");
        thrown.ShouldContain("--on-overage");
        var launch = await CliHarness.LastLaunchAsync(s.Sandbox, s.Env);
        launch.GetProperty("overage").GetBoolean().ShouldBeTrue();
        launch.GetProperty("stoppedBy").GetString().ShouldBe("overage");
    }
}
