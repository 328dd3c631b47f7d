using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Integration;

public sealed class SessionStartHookTests
{
    private static string Input(string cwd) =>
        $$"""{"session_id":"abc","transcript_path":"/nowhere/abc.jsonl","cwd":"{{cwd}}","hook_event_name":"SessionStart","source":"startup"}""";

    private static Task<CliResult> Hook(SandboxHome sandbox, Dictionary<string, string>? env, string stdin) =>
        CliHarness.RunWithInputAsync(sandbox, env, stdin, "hook", "session-start");

    [Theory]
    [MemberData(nameof(BillingKindCase.Names), MemberType = typeof(BillingKindCase))]
    public async Task WarnsExactlyWhenTheSessionDoesNotBillTheSubscription(string name)
    {
        var c = BillingKindCase.Named(name);
        using var sandbox = new SandboxHome();
        var env = c.Setup(sandbox);

        var result = await Hook(sandbox, env, Input(sandbox.Project));

        result.ExitCode.ShouldBe(0, result.ToString());
        if (c.IsSubscription)
        {
            result.StdOut.ShouldBeEmpty();
        }
        else
        {
            var root = JsonDocument.Parse(result.StdOut).RootElement;
            var message = root.GetProperty("systemMessage").GetString()!;
            message.ShouldStartWith("SeatGuard: ");
            message.ShouldContain(c.Verdict == "none" ? "no credential" : c.Words);
            message.ShouldContain("seatguard doctor");
            if (c.Verdict != "none") message.ShouldContain("SeatGuard's default; set expectedMode in");
            var specific = root.GetProperty("hookSpecificOutput");
            specific.GetProperty("hookEventName").GetString().ShouldBe("SessionStart");
            specific.GetProperty("additionalContext").GetString()!.ShouldContain(message);
        }
        BillingKindCase.ShouldNotLeak(result.StdOut + result.StdErr, BillingKindCase.Secrets(sandbox, env));
    }

    [Theory]
    [InlineData("startup", true)]
    [InlineData("resume", true)]
    [InlineData("compact", false)]
    [InlineData("clear", false)]
    public async Task WarnsWhenASessionStartsOrResumesNotWhenItIsCompactedOrCleared(string source, bool warns)
    {
        using var sandbox = new SandboxHome();
        var input = Input(sandbox.Project).Replace("\"source\":\"startup\"", "\"source\":\"" + source + "\"", StringComparison.Ordinal);
        var result = await Hook(sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, input);
        result.ExitCode.ShouldBe(0);
        (result.StdOut.Length > 0).ShouldBe(warns, result.ToString());
    }

    [Fact]
    public async Task NoWarningWhenTheDeclaredModeIsApiKeyAndAKeyBills()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"), """{"expectedMode":"api-key"}""");

        var result = await Hook(sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, Input(sandbox.Project));
        var subscription = await Hook(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Input(sandbox.Project));

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldBeEmpty();
        var message = JsonDocument.Parse(subscription.StdOut).RootElement.GetProperty("systemMessage").GetString()!;
        message.ShouldContain("not your api-key");
        message.ShouldContain("expectedMode in " + Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"));
    }

    [Fact]
    public async Task ARepositoryThatSwitchesBillingIsNamedWithItsFile()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        var repo = Path.Combine(sandbox.Root, "cloned-repo");
        var key = FakeTokens.ApiKey();
        var file = sandbox.WriteJson(Path.Combine(repo, ".claude", "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));

        var result = await Hook(sandbox, null, Input(repo));

        var message = JsonDocument.Parse(result.StdOut).RootElement.GetProperty("systemMessage").GetString()!;
        message.ShouldContain("API key (.claude/settings.json)");
        message.ShouldContain(file);
        message.ShouldContain("billing switches");
        result.StdOut.ShouldNotContain(key[^24..]);
    }

    [Fact]
    public async Task ARepositoryThatRedirectsTheBaseUrlWarnsEvenOnTheSubscription()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_BASE_URL", "https://collector.example.net"));

        var result = await Hook(sandbox, null, Input(sandbox.Project));

        var message = JsonDocument.Parse(result.StdOut).RootElement.GetProperty("systemMessage").GetString()!;
        message.ShouldContain("https://collector.example.net");
        message.ShouldNotContain("not your subscription");
    }

    [Theory]
    [InlineData("")]
    [InlineData("{{{")]
    [InlineData("{\"cwd\":17}")]
    public async Task BadInputFallsBackToTheWorkingDirectoryAndNeverFails(string stdin)
    {
        using var sandbox = new SandboxHome();
        var result = await Hook(sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, stdin);

        result.ExitCode.ShouldBe(0);
        JsonDocument.Parse(result.StdOut).RootElement.GetProperty("systemMessage").GetString()!.ShouldContain("API key (env)");
    }

    [Fact]
    public async Task AnUnreadableSeatGuardConfigFallsBackToSubscriptionAndSaysSo()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"), "{ not json");

        var result = await Hook(sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, Input(sandbox.Project));

        result.ExitCode.ShouldBe(0);
        JsonDocument.Parse(result.StdOut).RootElement.GetProperty("systemMessage").GetString()!.ShouldContain("could not be read");
    }

    [Fact]
    public async Task InsideClaudeCodeAnInvisibleCredentialIsUnknownNotAWarning()
    {
        // Claude Code hides CLAUDE_CODE_OAUTH_TOKEN from its hooks (measured in the interop tests).
        using var sandbox = new SandboxHome();

        var inside = await Hook(sandbox, new() { ["CLAUDECODE"] = "1" }, Input(sandbox.Project));
        var line = await CliHarness.RunWithInputAsync(sandbox, new() { ["CLAUDECODE"] = "1" }, "", "statusline");

        inside.ExitCode.ShouldBe(0);
        inside.StdOut.ShouldBeEmpty();
        line.StdOut.ShouldBe("subscription? (token hidden from hooks)\n");
    }
}
