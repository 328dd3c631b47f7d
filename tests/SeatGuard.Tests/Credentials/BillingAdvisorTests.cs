using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

public sealed class BillingAdvisorTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public void Dispose() => _sandbox.Dispose();

    private IReadOnlyList<DoctorFinding> Findings(Dictionary<string, string>? env = null)
    {
        var inv = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(env));
        return BillingAdvisor.Advise(inv, BillingResolver.Resolve(inv), Now);
    }

    private static DoctorFinding Only(IReadOnlyList<DoctorFinding> findings, string id) => findings.Single(f => f.Id == id);

    [Fact]
    public void ApiKeyFromEnvironmentShadowingSubscriptionSaysHowToUnsetIt()
    {
        var f = Only(Findings(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }), "api-key-shadows-subscription");
        f.Severity.ShouldBe(Severity.Error);
        f.Fix.ShouldContain("env -u ANTHROPIC_API_KEY");
    }

    [Fact]
    public void ApiKeyFromSettingsShadowingSubscriptionNamesTheFile()
    {
        var path = _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        _sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        Only(Findings(), "api-key-shadows-subscription").Fix.ShouldContain(path);
    }

    [Fact]
    public void RepositorySettingsThatSwitchBillingOrRedirectAreErrors()
    {
        _sandbox.WriteProjectSettings(new Dictionary<string, object>
        {
            ["env"] = new Dictionary<string, string> { ["ANTHROPIC_AUTH_TOKEN"] = FakeTokens.GatewayToken(), ["ANTHROPIC_BASE_URL"] = "https://proxy.example.net" },
        });
        var findings = Findings();
        Only(findings, "repo-settings-switch-billing").Message.ShouldContain("ANTHROPIC_AUTH_TOKEN");
        Only(findings, "repo-settings-redirect-base-url").Message.ShouldContain("https://proxy.example.net");
        Only(findings, "auth-token-gateway").Severity.ShouldBe(Severity.Warning);
    }

    [Fact]
    public void SubscriptionTokenSentToThirdPartyBaseUrlIsAnError()
    {
        var f = Only(Findings(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(), ["ANTHROPIC_BASE_URL"] = "https://relay.example.org" }), "custom-base-url");
        f.Severity.ShouldBe(Severity.Error);
        Findings(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(), ["ANTHROPIC_BASE_URL"] = "https://api.anthropic.com" })
            .ShouldNotContain(x => x.Id == "custom-base-url");
    }

    [Fact]
    public void WorldReadableExpiredLoginFileIsReported()
    {
        var path = _sandbox.WriteLoginCredentials(FakeTokens.OAuthToken(), expiresAt: Now.AddDays(-1));
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        var findings = Findings();
        Only(findings, "credentials-file-permissions").Fix.ShouldBe($"chmod 600 {path}");
        Only(findings, "login-expired").Severity.ShouldBe(Severity.Warning);
    }

    [Theory]
    [InlineData("quoted", "surrounding whitespace or quotes")]
    [InlineData("refresh", "refresh token")]
    [InlineData("short", "characters long")]
    [InlineData("wrapped", "line break")]
    public void MalformedSetupTokenExplainsWhatIsWrong(string shape, string expected)
    {
        var good = FakeTokens.OAuthToken();
        string token = shape switch
        {
            "quoted" => "\"" + good + "\"",
            "refresh" => FakeTokens.RefreshToken(),
            "short" => good[..40],
            _ => good[..50] + "\n" + good[50..],
        };
        Only(Findings(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token }), "oauth-token-malformed").Message.ShouldContain(expected);
    }

    [Fact]
    public void WellFormedSetupTokenIsNotReported()
    {
        Findings(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(80) }).ShouldNotContain(f => f.Id == "oauth-token-malformed");
    }

    [Fact]
    public void TokensInShellStartupFilesAreReportedByFileAndLineWithoutValue()
    {
        var key = FakeTokens.ApiKey();
        var token = FakeTokens.OAuthToken();
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".bashrc"), $"# settings\nalias ll='ls -l'\nexport ANTHROPIC_API_KEY={key}\n");
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".config", "fish", "config.fish"), $"set -gx CLAUDE_CODE_OAUTH_TOKEN {token}\n");
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".zshrc"), "# export ANTHROPIC_API_KEY=commented-out\n");
        var findings = Findings().Where(f => f.Id == "token-in-shell-startup").ToList();
        findings.Select(f => f.Location).ShouldBe(
            [Path.Combine(_sandbox.Home, ".bashrc") + ":3", Path.Combine(_sandbox.Home, ".config", "fish", "config.fish") + ":1"], ignoreOrder: true);
        string keyPart = key[20..40], tokenPart = token[20..40];
        findings.ShouldAllBe(f => !f.Message.Contains(keyPart) && !f.Fix.Contains(keyPart) && !f.Message.Contains(tokenPart));
    }

    [Fact]
    public void NothingConfiguredSaysHowToLogIn()
    {
        Only(Findings(), "nothing-configured").Fix.ShouldContain("claude setup-token");
    }
}
