using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Launch;

/// <summary>Bar verify-verdicts: the verdict read from the real Claude Code's events for each kind of credential.</summary>
public sealed class VerifyVerdictTests
{
    private static async Task<(CliResult Result, JsonElement Json, MessagesApiStandIn StandIn)> VerifyAsync(Dictionary<string, string> extra, StandInOptions? options = null, params string[] args)
    {
        var sandbox = new SandboxHome();
        var standIn = await MessagesApiStandIn.StartAsync(options);
        var env = ClaudeRunner.Environment(sandbox, standIn);
        env["SEATGUARD_CLAUDE"] = ToolPaths.Claude;
        foreach (var (k, v) in extra) env[k] = v;
        var result = await CliHarness.RunAsync(sandbox, env, ["verify", "--json", .. args]);
        sandbox.Dispose();
        return (result, result.StdOut.Length > 0 ? JsonDocument.Parse(result.StdOut).RootElement.Clone() : default, standIn);
    }

    [Fact]
    public async Task SubscriptionTokenIsProvenByTheRateLimitEvent()
    {
        var (result, json, standIn) = await VerifyAsync(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, "--expect", "subscription");
        await using var _ = standIn;
        result.ExitCode.ShouldBe(0, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("subscription");
        json.GetProperty("rateLimitType").GetString().ShouldBe("five_hour");
        json.GetProperty("status").GetString().ShouldBe("allowed");
        json.GetProperty("resetsAt").GetString().ShouldNotBeNullOrEmpty();
        json.GetProperty("overageInUse").GetBoolean().ShouldBeFalse();
        json.GetProperty("claudeVersion").GetString().ShouldBe(ToolPaths.ClaudeVersion);
        result.StdErr.ShouldContain("one tiny real request");
    }

    [Fact]
    public async Task ApiKeyIsNamedByApiKeySourceAndMismatchExitsThree()
    {
        var (result, json, standIn) = await VerifyAsync(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, "--expect", "subscription");
        await using var _ = standIn;
        result.ExitCode.ShouldBe(3, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        json.GetProperty("apiKeySource").GetString().ShouldBe("ANTHROPIC_API_KEY");
        json.GetProperty("rateLimitType").ValueKind.ShouldBe(JsonValueKind.Null);
    }

    [Fact]
    public async Task SubscriptionModePlanFixesTheSameEnvironment()
    {
        var (result, json, standIn) = await VerifyAsync(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, "--mode", "subscription", "--expect", "subscription");
        await using var _ = standIn;
        result.ExitCode.ShouldBe(0, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("subscription");
        standIn.MessageRequests.ShouldAllBe(r => r.ApiKey == null);
    }

    [Fact]
    public async Task AuthTokenIsAGateway()
    {
        var (result, json, standIn) = await VerifyAsync(new() { ["ANTHROPIC_AUTH_TOKEN"] = FakeTokens.GatewayToken() });
        await using var _ = standIn;
        result.ExitCode.ShouldBe(0, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("gateway");
        json.GetProperty("apiKeySource").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task OverageInUseIsReported()
    {
        var (result, json, standIn) = await VerifyAsync(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, new StandInOptions { OverageInUse = true });
        await using var _ = standIn;
        result.ExitCode.ShouldBe(0, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("subscription");
        json.GetProperty("overageInUse").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task NotLoggedInIsUnknownAndFails()
    {
        var (result, json, standIn) = await VerifyAsync(new());
        await using var _ = standIn;
        result.ExitCode.ShouldBe(1, result.ToString());
        json.GetProperty("verdict").GetString().ShouldBe("unknown");
        standIn.MessageRequests.ShouldBeEmpty();
    }
}
