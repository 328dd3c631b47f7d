using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests;

/// <summary>Proves the test harness itself: the real CLI talks to the stand-in with the credential we gave it.</summary>
public sealed class HarnessTests
{
    [Fact]
    public async Task OAuthTokenGoesOutAsBearerAndYieldsFiveHourRateLimitEvent()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var token = FakeTokens.OAuthToken();

        var result = await ClaudeRunner.PingAsync(sandbox, standIn, new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = token });

        result.ExitCode.ShouldBe(0, result.ToString());
        standIn.MessageRequests.ShouldNotBeEmpty();
        standIn.MessageRequests.ShouldAllBe(r => r.BearerToken == token && r.ApiKey == null);
        var rateLimit = result.StdOutLines.Select(l => JsonDocument.Parse(l).RootElement)
            .FirstOrDefault(e => e.GetProperty("type").GetString() == "rate_limit_event");
        rateLimit.ValueKind.ShouldBe(JsonValueKind.Object, result.ToString());
        rateLimit.GetProperty("rate_limit_info").GetProperty("rateLimitType").GetString().ShouldBe("five_hour");
    }

    [Fact]
    public async Task ApiKeyGoesOutAsXApiKeyWithoutRateLimitEvent()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var key = FakeTokens.ApiKey();

        var result = await ClaudeRunner.PingAsync(sandbox, standIn, new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = key });

        result.ExitCode.ShouldBe(0, result.ToString());
        standIn.MessageRequests.ShouldNotBeEmpty();
        standIn.MessageRequests.ShouldAllBe(r => r.ApiKey == key && r.Authorization == null);
        result.StdOut.ShouldNotContain("\"rate_limit_event\"");
        result.StdOut.ShouldContain("\"apiKeySource\":\"ANTHROPIC_API_KEY\"");
    }
}
