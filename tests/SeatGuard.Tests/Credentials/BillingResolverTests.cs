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
        BillingResolver.Resolve(CredentialInventory.Gather(_sandbox.Host(env)));

    [Fact]
    public void NothingConfiguredIsNone()
    {
        var r = Resolve();
        r.Verdict.ShouldBe(BillingVerdicts.None);
        r.Winner.ShouldBe(CredentialRef.Nothing);
        r.Shadowed.ShouldBeEmpty();
    }

    [Fact]
    public void OAuthTokenInEnvironmentIsSubscription()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Verdict.ShouldBe(BillingVerdicts.Subscription);
        r.Winner.ShouldBe(new CredentialRef(CredentialKinds.OAuthToken, "env:CLAUDE_CODE_OAUTH_TOKEN", Redactor.Fingerprint(_oauth)));
    }

    [Fact]
    public void ApiKeyInEnvironmentShadowsOAuthToken()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_API_KEY"] = _key });
        r.Verdict.ShouldBe(BillingVerdicts.ApiKey);
        r.Winner.Source.ShouldBe("env:ANTHROPIC_API_KEY");
        r.Shadowed.Single().Kind.ShouldBe(CredentialKinds.OAuthToken);
    }

    [Fact]
    public void EmptyApiKeyInEnvironmentDoesNotCount()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_API_KEY"] = "" });
        r.Verdict.ShouldBe(BillingVerdicts.Subscription);
    }

    [Fact]
    public void SettingsKeyBeatsEnvironmentKey()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key2));
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key });
        r.Winner.ShouldBe(new CredentialRef(CredentialKinds.ApiKey, "settings:user", Redactor.Fingerprint(_key2)));
    }

    [Fact]
    public void EmptyEnvironmentKeyDoesNotRemoveSettingsKey()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = "", ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.Source.ShouldBe("settings:project");
    }

    [Fact]
    public void LocalBeatsProjectBeatsUser()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        Resolve().Winner.Source.ShouldBe("settings:project");
        _sandbox.WriteLocalSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key2));
        Resolve().Winner.ShouldBe(new CredentialRef(CredentialKinds.ApiKey, "settings:local", Redactor.Fingerprint(_key2)));
    }

    [Fact]
    public void FlagSettingsWithEmptyKeyNeutraliseSettingsKeys()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", _key));
        var flag = SettingsLayer.Parse(SettingsScope.Flag, "--settings", """{"env":{"ANTHROPIC_API_KEY":""},"apiKeyHelper":""}"""u8);
        var inv = CredentialInventory.Gather(_sandbox.Host(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }), extraLayers: [flag]);
        BillingResolver.Resolve(inv).Verdict.ShouldBe(BillingVerdicts.Subscription);
    }

    [Fact]
    public void ApiKeyHelperBeatsAuthAndOAuthButNotApiKey()
    {
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings("ignored"));
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.ShouldBe(new CredentialRef(CredentialKinds.ApiKeyHelper, "settings:user", null));
        r.Verdict.ShouldBe(BillingVerdicts.ApiKey);

        var withKey = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key });
        withKey.Winner.Kind.ShouldBe(CredentialKinds.ApiKey);
        withKey.AlsoSent.Single().Kind.ShouldBe(CredentialKinds.ApiKeyHelper);
    }

    [Fact]
    public void AuthTokenIsGatewayAndTravelsWithApiKey()
    {
        var auth = FakeTokens.GatewayToken();
        var gateway = Resolve(new() { ["ANTHROPIC_AUTH_TOKEN"] = auth, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        gateway.Verdict.ShouldBe(BillingVerdicts.Gateway);
        gateway.Shadowed.Single().Kind.ShouldBe(CredentialKinds.OAuthToken);

        var both = Resolve(new() { ["ANTHROPIC_AUTH_TOKEN"] = auth, ["ANTHROPIC_API_KEY"] = _key });
        both.Winner.Kind.ShouldBe(CredentialKinds.ApiKey);
        both.AlsoSent.Single().ShouldBe(new CredentialRef(CredentialKinds.AuthToken, "env:ANTHROPIC_AUTH_TOKEN", Redactor.Fingerprint(auth)));
    }

    [Fact]
    public void CloudProviderFlagWinsEverything()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_USE_BEDROCK"] = "1", ["ANTHROPIC_API_KEY"] = _key });
        r.Verdict.ShouldBe(BillingVerdicts.CloudProvider);
        r.Winner.Source.ShouldBe("env:CLAUDE_CODE_USE_BEDROCK");
        Resolve(new() { ["CLAUDE_CODE_USE_VERTEX"] = "0" }).Verdict.ShouldBe(BillingVerdicts.None);
    }

    [Fact]
    public void LoginCredentialsCountOnlyWithInferenceScope()
    {
        _sandbox.WriteLoginCredentials(_oauth, scopes: ["user:profile"]);
        Resolve().Verdict.ShouldBe(BillingVerdicts.None);
        _sandbox.WriteLoginCredentials(_oauth);
        var r = Resolve();
        r.Winner.ShouldBe(new CredentialRef(CredentialKinds.Login, "file:" + _sandbox.CredentialsPath, Redactor.Fingerprint(_oauth)));
    }

    [Fact]
    public void OAuthEnvironmentTokenBeatsLoginAndLoginBeatsConsoleManagedKey()
    {
        _sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), $$"""{"primaryApiKey":"{{_key}}"}""");
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Winner.Kind.ShouldBe(CredentialKinds.OAuthToken);
        r.Shadowed.Select(s => s.Kind).ShouldBe([CredentialKinds.Login, CredentialKinds.ApiKey]);
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
        r.Verdict.ShouldBe(BillingVerdicts.ApiKey);
        r.Interactive.ShouldNotBeNull().Verdict.ShouldBe(BillingVerdicts.Subscription);
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

    private sealed class FakeKeychain(bool present) : IKeychainProbe
    {
        public int Calls { get; private set; }
        public bool HasClaudeCodeItem() { Calls++; return present; }
    }

    [Fact]
    public void KeychainItemOnMacIsASubscriptionLogin()
    {
        var host = _sandbox.Host() with { Os = HostOs.MacOS };
        var r = BillingResolver.Resolve(CredentialInventory.Gather(host, keychain: new FakeKeychain(true)));
        r.Winner.ShouldBe(new CredentialRef(CredentialKinds.Login, "keychain", null));
        r.Verdict.ShouldBe(BillingVerdicts.Subscription);
    }

    [Fact]
    public void KeychainIsNotAskedOffMac()
    {
        var keychain = new FakeKeychain(true);
        BillingResolver.Resolve(CredentialInventory.Gather(_sandbox.Host(), keychain: keychain)).Verdict.ShouldBe(BillingVerdicts.None);
        keychain.Calls.ShouldBe(0);
    }
}
