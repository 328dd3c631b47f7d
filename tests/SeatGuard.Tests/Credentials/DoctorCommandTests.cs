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
}
