using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

public sealed class BillingResolverTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private readonly string _key = FakeTokens.ApiKey();
    private readonly string _key2 = FakeTokens.ApiKey();
    private readonly string _oauth = FakeTokens.OAuthToken();

    public void Dispose() => _sandbox.Dispose();

    private BillingResolution Resolve(Dictionary<string, string>? env = null) =>
        BillingResolver.Resolve(new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(env)));

    [Fact]
    public void NothingConfiguredIsNone()
    {
        var r = Resolve();
        r.Verdict.ShouldBe(Billing.None);
        r.Winner.ShouldBe(CredentialRef.Nothing);
        r.Shadowed.ShouldBeEmpty();
    }

    [Fact]
    public void OAuthTokenInEnvironmentIsSubscription()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Verdict.ShouldBe(Billing.Subscription);
        r.Winner.Contract().ShouldBe((CredentialKind.OAuthToken, "env:CLAUDE_CODE_OAUTH_TOKEN", Redactor.Fingerprint(_oauth)));
    }

    [Fact]
    public void ApiKeyInEnvironmentShadowsOAuthToken()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_API_KEY"] = _key });
        r.Verdict.ShouldBe(Billing.ApiKey);
        r.Winner.Source.ToString().ShouldBe("env:ANTHROPIC_API_KEY");
        r.Shadowed.Single().Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    [Fact]
    public void EmptyApiKeyInEnvironmentDoesNotCount()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_API_KEY"] = "" });
        r.Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void SettingsKeyBeatsEnvironmentKey()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key2));
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key });
        r.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:user", Redactor.Fingerprint(_key2)));
    }

    [Fact]
    public void EmptyEnvironmentKeyDoesNotRemoveSettingsKey()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = "", ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.Source.ToString().ShouldBe("settings:project");
    }

    [Fact]
    public void LocalBeatsProjectBeatsUser()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        Resolve().Winner.Source.ToString().ShouldBe("settings:project");
        _sandbox.WriteLocalSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key2));
        Resolve().Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:local", Redactor.Fingerprint(_key2)));
    }

    [Fact]
    public void FlagSettingsWithEmptyKeyNeutraliseSettingsKeys()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        var flag = SettingsLayer.Parse(SettingsScope.Flag, "--settings", """{"env":{"ANTHROPIC_API_KEY":""},"apiKeyHelper":""}"""u8);
        var inv = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }), extraLayers: [flag]);
        BillingResolver.Resolve(inv).Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void ApiKeyHelperBeatsAuthAndOAuthButNotApiKey()
    {
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings("ignored"));
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.Contract().ShouldBe((CredentialKind.ApiKeyHelper, "settings:user", null));
        r.Verdict.ShouldBe(Billing.ApiKey);

        var withKey = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key });
        withKey.Winner.Kind.ShouldBe(CredentialKind.ApiKey);
        withKey.AlsoSent.Single().Kind.ShouldBe(CredentialKind.ApiKeyHelper);
    }

    [Fact]
    public void AuthTokenIsGatewayAndTravelsWithApiKey()
    {
        var auth = FakeTokens.GatewayToken();
        var gateway = Resolve(new() { ["ANTHROPIC_AUTH_TOKEN"] = auth, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        gateway.Verdict.ShouldBe(Billing.Gateway);
        gateway.Shadowed.Single().Kind.ShouldBe(CredentialKind.OAuthToken);

        var both = Resolve(new() { ["ANTHROPIC_AUTH_TOKEN"] = auth, ["ANTHROPIC_API_KEY"] = _key });
        both.Winner.Kind.ShouldBe(CredentialKind.ApiKey);
        both.AlsoSent.Single().Contract().ShouldBe((CredentialKind.AuthToken, "env:ANTHROPIC_AUTH_TOKEN", Redactor.Fingerprint(auth)));
    }

    [Fact]
    public void CloudProviderFlagWinsEverything()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_USE_BEDROCK"] = "1", ["ANTHROPIC_API_KEY"] = _key });
        r.Verdict.ShouldBe(Billing.CloudProvider);
        r.Winner.Source.ToString().ShouldBe("env:CLAUDE_CODE_USE_BEDROCK");
        Resolve(new() { ["CLAUDE_CODE_USE_VERTEX"] = "0" }).Verdict.ShouldBe(Billing.None);
    }

    [Fact]
    public void LoginCredentialsCountOnlyWithInferenceScope()
    {
        _sandbox.WriteLoginCredentials(_oauth, scopes: ["user:profile"]);
        Resolve().Verdict.ShouldBe(Billing.None);
        _sandbox.WriteLoginCredentials(_oauth);
        var r = Resolve();
        r.Winner.Contract().ShouldBe((CredentialKind.Login, "file:" + _sandbox.CredentialsPath, Redactor.Fingerprint(_oauth)));
    }

    [Fact]
    public void OAuthEnvironmentTokenBeatsLoginAndLoginBeatsConsoleManagedKey()
    {
        _sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), $$"""{"primaryApiKey":"{{_key}}"}""");
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
        r.Shadowed.Select(s => s.Kind).ShouldBe([CredentialKind.Login, CredentialKind.ApiKey]);
    }

    [Fact]
    public void ConfigDirFromEnvironmentReplacesHomeClaudeDir()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        var other = Path.Combine(_sandbox.Root, "cfg");
        _sandbox.WriteJson(Path.Combine(other, "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key2));
        var r = Resolve(new() { ["CLAUDE_CONFIG_DIR"] = other });
        r.Winner.Fingerprint.ShouldBe(Redactor.Fingerprint(_key2));
    }

    [Fact]
    public void RejectedKeyIsSkippedInInteractiveSessions()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "{\"customApiKeyResponses\":{\"approved\":[],\"rejected\":[\"" + _key[^20..] + "\"]}}");
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Verdict.ShouldBe(Billing.ApiKey);
        r.Interactive.ShouldNotBeNull().Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void ApprovedKeyMeansInteractiveIsTheSame()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "{\"customApiKeyResponses\":{\"approved\":[\"" + _key[^20..] + "\"],\"rejected\":[]}}");
        Resolve(new() { ["ANTHROPIC_API_KEY"] = _key }).Interactive.ShouldBeNull();
    }
}

public sealed class KeychainTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void KeychainItemOnMacIsASubscriptionLogin()
    {
        var host = _sandbox.Host() with { Os = HostOs.MacOS };
        var r = BillingResolver.Resolve(new CredentialReader(new FakeKeychain(true)).Gather(host));
        r.Winner.Contract().ShouldBe((CredentialKind.Login, "keychain", null));
        r.Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void KeychainIsNotAskedOffMac()
    {
        var keychain = new FakeKeychain(true);
        BillingResolver.Resolve(new CredentialReader(keychain).Gather(_sandbox.Host())).Verdict.ShouldBe(Billing.None);
        keychain.Calls.ShouldBe(0);
    }
}
