using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

public sealed class DoctorCommandTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task NothingConfiguredExitsZeroWithVerdictNone()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "doctor", "--json");
        r.ExitCode.ShouldBe(0, r.ToString());
        JsonDocument.Parse(r.StdOut).RootElement.GetProperty("verdict").GetString().ShouldBe("none");
    }

    [Fact]
    public async Task ExpectMismatchExitsThree()
    {
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() };
        (await CliHarness.RunAsync(_sandbox, env, "doctor", "--expect", "subscription")).ExitCode.ShouldBe(3);
        (await CliHarness.RunAsync(_sandbox, env, "doctor", "--expect", "api-key")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task BadUsageIsOneLineAndExitTwo()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "doctor", "--expect", "free-lunch");
        r.ExitCode.ShouldBe(2);
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1);
        r.StdOut.ShouldBeEmpty();
    }

    [Fact]
    public async Task DirOptionSelectsWhichProjectSettingsCount()
    {
        var other = Path.Combine(_sandbox.Root, "other");
        _sandbox.WriteJson(Path.Combine(other, ".claude", "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };
        var here = await CliHarness.RunAsync(_sandbox, env, "doctor", "--json");
        var there = await CliHarness.RunAsync(_sandbox, env, "doctor", "--json", "--dir", other);
        JsonDocument.Parse(here.StdOut).RootElement.GetProperty("verdict").GetString().ShouldBe("subscription");
        JsonDocument.Parse(there.StdOut).RootElement.GetProperty("credential").GetProperty("source").GetString().ShouldBe("settings:project");
    }

    /// <summary>Bar no-secret-printed (doctor part): tokens in every layer, no token body in any output.</summary>
    [Fact]
    public async Task NoOutputContainsATokenBody()
    {
        string envKey = FakeTokens.ApiKey(), settingsKey = FakeTokens.ApiKey(), oauth = FakeTokens.OAuthToken(), login = FakeTokens.OAuthToken(),
            auth = FakeTokens.GatewayToken(), primary = FakeTokens.ApiKey(), shell = FakeTokens.OAuthToken(), malformed = "\"" + FakeTokens.OAuthToken() + "\"";
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", settingsKey));
        _sandbox.WriteLoginCredentials(login, expiresAt: DateTimeOffset.UtcNow.AddDays(-1));
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), JsonSerializer.Serialize(new { primaryApiKey = primary }));
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".zshenv"), $"export CLAUDE_CODE_OAUTH_TOKEN={shell}\n");
        string[] secrets = [envKey, settingsKey, oauth, login, auth, primary, shell, malformed];
        foreach (var env in new[]
        {
            new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = envKey, ["ANTHROPIC_AUTH_TOKEN"] = auth, ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth },
            new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = malformed },
        })
        {
            foreach (var format in new[] { "--json", "--no-json" })
            {
                var args = format == "--json" ? new[] { "doctor", "--json" } : ["doctor"];
                var r = await CliHarness.RunAsync(_sandbox, env, args);
                foreach (var s in secrets)
                {
                    var body = s.Trim('"')[^40..];
                    r.StdOut.ShouldNotContain(body);
                    r.StdErr.ShouldNotContain(body);
                }
                r.StdOut.ShouldContain("sha256:");
            }
        }
    }

    [Fact]
    public async Task AnErrorFindingExitsOneAndInfoOnlyExitsZero()
    {
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };
        var shadowed = await CliHarness.RunAsync(_sandbox, env, "doctor", "--json");
        shadowed.ExitCode.ShouldBe(1, "api-key-shadows-subscription is an error: a check failed");
        JsonDocument.Parse(shadowed.StdOut).RootElement.GetProperty("findings").EnumerateArray()
            .ShouldContain(f => f.GetProperty("severity").GetString() == "error");
        (await CliHarness.RunAsync(_sandbox, env, "doctor", "--expect", "subscription")).ExitCode.ShouldBe(3, "--expect keeps exit 3");
        (await CliHarness.RunAsync(_sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor")).ExitCode.ShouldBe(0);
    }

    [Fact]
    public async Task EveryStartModeIsAnsweredAndADifferenceIsShown()
    {
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };
        var json = JsonDocument.Parse((await CliHarness.RunAsync(_sandbox, env, "doctor", "--json")).StdOut).RootElement;
        var modes = json.GetProperty("modes").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!, m => m.GetProperty("verdict").GetString());
        modes.ShouldBe(new Dictionary<string, string?> { ["print"] = "subscription", ["interactive"] = "subscription", ["bare"] = "none" });
        json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ShouldContain("bare-differs");
        var human = await CliHarness.RunAsync(_sandbox, env, "doctor");
        human.StdOut.ShouldContain("claude --bare bills none");
    }

    [Fact]
    public async Task SimpleModeWithASubscriptionIsAnError()
    {
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(), ["CLAUDE_CODE_SIMPLE"] = "1" };
        var r = await CliHarness.RunAsync(_sandbox, env, "doctor", "--json");
        var json = JsonDocument.Parse(r.StdOut).RootElement;
        json.GetProperty("verdict").GetString().ShouldBe("none");
        json.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("id").GetString() == "simple-mode" && f.GetProperty("severity").GetString() == "error");
        r.ExitCode.ShouldBe(1);
    }

    [Fact]
    public async Task AnIgnoredSettingsFileIsReportedWithLineAndColumnAndContributesNothing()
    {
        _sandbox.WriteText(_sandbox.ProjectSettingsPath, "{\n  \"env\": {\"ANTHROPIC_API_KEY\": \"" + FakeTokens.ApiKey() + "\"},\n  // a comment\n}");
        var r = await CliHarness.RunAsync(_sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor", "--json");
        var json = JsonDocument.Parse(r.StdOut).RootElement;
        json.GetProperty("verdict").GetString().ShouldBe("subscription");
        var finding = json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "settings-file-ignored");
        finding.GetProperty("location").GetString().ShouldBe(_sandbox.ProjectSettingsPath + ":3:3");
        finding.GetProperty("message").GetString()!.ShouldContain("ignores");
        json.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("id").GetString() == "repo-settings-switch-billing");
    }

    [Fact]
    public async Task AnOAuthTokenPastedIntoTheApiKeyIsAnError()
    {
        var r = await CliHarness.RunAsync(_sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.OAuthToken() }, "doctor", "--json");
        r.ExitCode.ShouldBe(1);
        var json = JsonDocument.Parse(r.StdOut).RootElement;
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        json.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("id").GetString() == "oauth-token-as-api-key" && f.GetProperty("severity").GetString() == "error");
    }

    [Theory]
    [InlineData("exit 1")]
    [InlineData("   ")]
    [InlineData("/nonexistent/get-key --profile x")]
    public async Task AHelperThatWillFailIsAnErrorAndStillWins(string helper)
    {
        _sandbox.WriteUserSettings(new Dictionary<string, string> { ["apiKeyHelper"] = helper });
        var r = await CliHarness.RunAsync(_sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor", "--json");
        r.ExitCode.ShouldBe(1);
        var json = JsonDocument.Parse(r.StdOut).RootElement;
        json.GetProperty("credential").GetProperty("kind").GetString().ShouldBe("api-key-helper");
        json.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("id").GetString() == "api-key-helper-fails" && f.GetProperty("severity").GetString() == "error");
    }

    [Fact]
    public async Task MatrixNeedsProbe()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "doctor", "--matrix");
        r.ExitCode.ShouldBe(2);
        r.StdErr.ShouldContain("--matrix needs --probe");
    }
}
