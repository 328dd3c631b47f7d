using SeatGuard.Core.Common;
using System.Text.Json;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>Bar doctor-probe: `doctor --probe` runs the real CLI against its own loopback endpoint and reports what it saw.</summary>
public sealed class DoctorProbeTests
{
    private static async Task<(CliResult Result, JsonElement Json)> ProbeAsync(SandboxHome sandbox, Dictionary<string, string> env)
    {
        var result = await CliHarness.RunAsync(sandbox, env, "doctor", "--probe", "--json", "--claude", ToolPaths.Claude);
        return (result, JsonDocument.Parse(result.StdOut).RootElement.Clone());
    }

    [Fact]
    public async Task ProbeObservesSubscriptionTokenAndAgrees()
    {
        using var sandbox = new SandboxHome();
        var token = FakeTokens.OAuthToken();
        var (result, json) = await ProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token });
        result.ExitCode.ShouldBe(0, result.ToString());
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe(CredentialKind.OAuthToken.Name());
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        probe.GetProperty("claudeVersion").GetString().ShouldBe("2.1.330");
        probe.GetProperty("apiKeySource").GetString().ShouldBe("none");
        probe.GetProperty("rateLimitEvent").GetBoolean().ShouldBeTrue();
        result.StdOut.ShouldNotContain(token[FakeTokens.OAuthPrefix.Length..]);
    }

    [Fact]
    public async Task ProbeSeesSettingsKeyShadowingTheSubscriptionDespiteEmptyEnvironmentKey()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));
        var (result, json) = await ProbeAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = "", ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe(CredentialKind.ApiKey.Name());
        probe.GetProperty("apiKeySource").GetString().ShouldBe("ANTHROPIC_API_KEY");
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        result.StdOut.ShouldNotContain(key[FakeTokens.ApiKeyPrefix.Length..]);
    }

    [Fact]
    public async Task ProbeOverridesARepositoryBaseUrlSoNothingLeavesTheMachine()
    {
        using var sandbox = new SandboxHome();
        await using var decoy = await MessagesApiStandIn.StartAsync();
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_BASE_URL", decoy.BaseUrl));
        var (_, json) = await ProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("probe").GetProperty("observed").GetString().ShouldBe(CredentialKind.OAuthToken.Name());
        decoy.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProbeWithNothingConfiguredReportsNoneAndAgrees()
    {
        using var sandbox = new SandboxHome();
        var (result, json) = await ProbeAsync(sandbox, new());
        result.ExitCode.ShouldBe(0);
        json.GetProperty("verdict").GetString().ShouldBe("none");
        json.GetProperty("probe").GetProperty("observed").GetString().ShouldBe("none");
        json.GetProperty("probe").GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task MissingClaudeIsAClearMessageNotACrash()
    {
        using var sandbox = new SandboxHome();
        var result = await CliHarness.RunAsync(sandbox, new(), "doctor", "--probe", "--claude", Path.Combine(sandbox.Root, "no-such-claude"));
        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("Claude Code was not found");
        result.StdErr.ShouldNotContain("   at ");
    }
}
