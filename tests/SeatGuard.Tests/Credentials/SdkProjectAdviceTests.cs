using System.Text.Json;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

public sealed class SdkProjectAdviceTests
{
    private static async Task<string[]> FindingIds(SandboxHome sandbox, Dictionary<string, string> env)
    {
        var r = await CliHarness.RunAsync(sandbox, env, "doctor", "--json");
        return JsonDocument.Parse(r.StdOut).RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToArray();
    }

    [Theory]
    [InlineData("package.json", """{"name":"bot","dependencies":{"@anthropic-ai/claude-agent-sdk":"^0.3.333"}}""")]
    [InlineData("pyproject.toml", "[project]\nname = \"bot\"\ndependencies = [\"claude-agent-sdk>=0.1\"]\n")]
    [InlineData("requirements.txt", "claude_agent_sdk==0.1.2\n")]
    public async Task AnSdkProjectWhoseEnvironmentBillsTheKeyIsPointedAtTheShim(string file, string text)
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(Path.Combine(sandbox.Project, file), text);
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };

        (await FindingIds(sandbox, env)).ShouldContain(SdkProjectAdvice.FindingId);
        var r = await CliHarness.RunAsync(sandbox, env, "doctor");
        r.StdOut.ShouldContain("seatguard shim install");
    }

    [Fact]
    public async Task NoAdviceWithoutTheKeyOrWithoutTheSdk()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(Path.Combine(sandbox.Project, "package.json"), """{"dependencies":{"@anthropic-ai/claude-agent-sdk":"0.3.333"}}""");
        (await FindingIds(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() })).ShouldNotContain(SdkProjectAdvice.FindingId);

        using var plain = new SandboxHome();
        plain.WriteText(Path.Combine(plain.Project, "package.json"), """{"dependencies":{"left-pad":"1.0.0"}}""");
        (await FindingIds(plain, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() })).ShouldNotContain(SdkProjectAdvice.FindingId);
    }
}
