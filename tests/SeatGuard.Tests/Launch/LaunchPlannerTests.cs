using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Launch;

public sealed class LaunchPlannerTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private static readonly SeatConfig Owner = new("alice", Billing.Subscription, null);

    public void Dispose() => _sandbox.Dispose();

    private PlanOutcome Plan(Dictionary<string, string> env, Billing? mode = null, string? forName = null, bool force = false, params string[] claudeArgs) =>
        new LaunchPlanner(new CredentialReader(NoKeychain.Instance)).Plan(_sandbox.Host(env), new LaunchRequest(mode, forName, force, "claude", claudeArgs, null), Owner);

    [Fact]
    public void SubscriptionRemovesKeysFromEnvironmentAndListsNamesOnly()
    {
        var key = FakeTokens.ApiKey();
        var outcome = Plan(new() { ["ANTHROPIC_API_KEY"] = key, ["ANTHROPIC_AUTH_TOKEN"] = FakeTokens.GatewayToken(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        var plan = outcome.Plan.ShouldNotBeNull();
        plan.Mode.ShouldBe(Billing.Subscription);
        plan.EnvRemoved.ShouldBe(["ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN"]);
        plan.EnvSet.ShouldBe(["CLAUDE_CODE_OAUTH_TOKEN"]);
        plan.Environment.ContainsKey("ANTHROPIC_API_KEY").ShouldBeFalse();
        plan.ArgsAdded.ShouldBeEmpty();
        plan.Credential.Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    [Fact]
    public void SettingsInjectedKeyAndHelperAreNeutralisedWithEmptyStrings()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings("x"));
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }).Plan.ShouldNotBeNull();
        plan.LaunchArguments[0].ShouldBe("--settings");
        plan.LaunchArguments[1].ShouldBe("""{"env":{"ANTHROPIC_API_KEY":""},"apiKeyHelper":""}""");
    }

    [Fact]
    public void UserSettingsArgumentIsMergedNotClobbered()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, null, false,
            "-p", "hi", "--settings", """{"model":"opus","env":{"FOO":"bar"}}""").Plan.ShouldNotBeNull();
        plan.LaunchArguments.Count(a => a == "--settings").ShouldBe(1);
        plan.LaunchArguments[1].ShouldBe("""{"model":"opus","env":{"FOO":"bar","ANTHROPIC_API_KEY":""}}""");
        plan.LaunchArguments.Skip(2).ShouldBe(["-p", "hi"]);
    }

    [Fact]
    public void UserSettingsFileArgumentIsReadAndMerged()
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Project, "my-settings.json"), """{"permissions":{"allow":["Read"]}}""");
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, null, false, "--settings", file).Plan.ShouldNotBeNull();
        plan.LaunchArguments[1].ShouldBe("""{"permissions":{"allow":["Read"]}}""");
    }

    [Fact]
    public void BrokenUserSettingsArgumentIsBadInput()
    {
        Should.Throw<InputException>(() => Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, null, false, "--settings", "{nope"));
    }

    [Fact]
    public void SomeoneElseForcesApiKeyModeAndDropsTheSubscriptionToken()
    {
        var plan = Plan(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, forName: "bob").Plan.ShouldNotBeNull();
        plan.Mode.ShouldBe(Billing.ApiKey);
        plan.Beneficiary.ShouldBe("bob");
        plan.EnvRemoved.ShouldContain("CLAUDE_CODE_OAUTH_TOKEN");
        plan.Credential.Kind.ShouldBe(CredentialKind.ApiKey);
    }

    [Fact]
    public void SomeoneElseWithoutKeyIsRefusedWithTheRule()
    {
        var outcome = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, forName: "bob");
        outcome.Refused.ShouldBeTrue();
        outcome.Refusal!.ShouldContain("ANTHROPIC_API_KEY");
        outcome.Refusal!.ShouldContain("owner's own use");
    }

    [Fact]
    public void SubscriptionForSomeoneElseNeedsForceAndThenWarns()
    {
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };
        Plan(env, Billing.Subscription, "bob").Refused.ShouldBeTrue();
        var forced = Plan(env, Billing.Subscription, "bob", force: true).Plan.ShouldNotBeNull();
        forced.Forced.ShouldBeTrue();
        forced.Warnings.Single().ShouldContain("FORCED");
    }

    [Fact]
    public void SubscriptionWithoutSubscriptionCredentialIsRefused()
    {
        var outcome = Plan(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, Billing.Subscription);
        outcome.Refused.ShouldBeTrue();
        outcome.Refusal!.ShouldContain("claude setup-token");
    }

    [Fact]
    public void ApiKeyModeDisablesHelperWhenKeyIsPresent()
    {
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings("x"));
        var plan = Plan(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }, Billing.ApiKey).Plan.ShouldNotBeNull();
        plan.LaunchArguments[1].ShouldBe("""{"apiKeyHelper":""}""");
    }

    [Fact]
    public void ApiKeyModeAcceptsHelperAlone()
    {
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings("x"));
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Billing.ApiKey).Plan.ShouldNotBeNull();
        plan.Credential.Kind.ShouldBe(CredentialKind.ApiKeyHelper);
        plan.EnvRemoved.ShouldBe(["CLAUDE_CODE_OAUTH_TOKEN"]);
    }

    [Fact]
    public void DisplayedCommandIsRedacted()
    {
        var key = FakeTokens.ApiKey();
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, null, null, false, "--settings", "{\"env\":{\"ANTHROPIC_API_KEY\":\"" + key + "\"}}").Plan.ShouldNotBeNull();
        string.Join(' ', plan.Command).ShouldNotContain(key[20..]);
        string.Join(' ', plan.LaunchArguments).ShouldNotContain(key); // our override replaced it with ""
    }

    [Fact]
    public void OwnerComesFromConfigFile()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".config", "seatguard", "config.json"), """{"owner":"carol","expectedMode":"api-key"}""");
        var config = SeatConfig.Load(_sandbox.Host(new() { ["USER"] = "alice" }));
        config.Owner.ShouldBe("carol");
        config.ExpectedMode.ShouldBe(Billing.ApiKey);
        SeatConfig.Load(new SandboxHome().Host(new() { ["USER"] = "alice" })).Owner.ShouldBe("alice");
    }

    [Fact]
    public void BrokenConfigFileIsBadInputWithLine()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".config", "seatguard", "config.json"), "{\n \"owner\": \n}");
        Should.Throw<InputException>(() => SeatConfig.Load(_sandbox.Host())).Message.ShouldContain("config.json:3");
    }

    [Fact]
    public void SubscriptionLaunchWithBareIsRefusedWithReasonAndFix()
    {
        var outcome = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Billing.Subscription, null, false, "--bare", "-p", "hi");
        outcome.Refused.ShouldBeTrue();
        outcome.Refusal.ShouldNotBeNull().ShouldContain("--bare");
        outcome.Refusal.ShouldContain("Drop --bare, or launch with --mode api-key");
    }

    [Fact]
    public void SubscriptionLaunchUnderSimpleModeIsRefused()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("CLAUDE_CODE_SIMPLE", "1"));
        var outcome = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Billing.Subscription, null, false, "-p", "hi");
        outcome.Refusal.ShouldNotBeNull().ShouldContain("CLAUDE_CODE_SIMPLE");
    }

    [Fact]
    public void ApiKeyLaunchWithBareIsPlanned()
    {
        var plan = Plan(new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey(), ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Billing.ApiKey, null, false, "--bare", "-p", "hi").Plan.ShouldNotBeNull();
        plan.Credential.Kind.ShouldBe(CredentialKind.ApiKey);
    }

    [Fact]
    public void SettingSourcesLeaveOutTheFilesClaudeIsToldToSkip()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        var plan = Plan(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, Billing.Subscription, null, false, "--setting-sources", "project", "-p", "hi").Plan.ShouldNotBeNull();
        plan.ArgsAdded.ShouldBeEmpty("the user settings key is not read, so nothing needs neutralising");
        plan.Credential.Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    [Fact]
    public void SubscriptionLaunchRemovesAProfileThatWouldShadowLogin()
    {
        var dir = Path.Combine(_sandbox.Home, ".config", "anthropic");
        _sandbox.WriteText(Path.Combine(dir, "configs", "work.json"), """{"authentication":{"type":"user_oauth"}}""");
        var creds = _sandbox.WriteText(Path.Combine(dir, "credentials", "work.json"), "{\"access_token\":\"" + FakeTokens.OAuthToken() + "\"}");
        File.SetUnixFileMode(creds, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        _sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        var plan = Plan(new() { ["ANTHROPIC_PROFILE"] = "work" }, Billing.Subscription).Plan.ShouldNotBeNull();
        plan.EnvRemoved.ShouldContain("ANTHROPIC_PROFILE");
        plan.Credential.Kind.ShouldBe(CredentialKind.Login);
    }
}
