using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

/// <summary>
/// The precedence rules added for Claude Code 2.1.330/2.1.332, each as measured on the real CLI (the interop matrix
/// and docs/credentials.md carry the measurements): two header slots, repository scopes, --bare, descriptors,
/// profiles, federation, the Cloud gateway, provider switches, custom headers, the managed login policy.
/// </summary>
public sealed class PrecedenceRulesTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private readonly string _key = FakeTokens.ApiKey();
    private readonly string _oauth = FakeTokens.OAuthToken();
    private readonly string _login = FakeTokens.OAuthToken();
    private readonly string _auth = FakeTokens.GatewayToken();

    public void Dispose() => _sandbox.Dispose();

    private CredentialInventory Gather(Dictionary<string, string>? env = null, params SettingsLayer[] extra) =>
        new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(env), null, extra);

    private BillingResolution Resolve(Dictionary<string, string>? env = null, StartMode mode = StartMode.Print, params SettingsLayer[] extra) =>
        BillingResolver.Resolve(Gather(env, extra), mode);

    private static SettingsLayer Managed(string json) => SettingsLayer.Parse(SettingsScope.Managed, "/etc/claude-code/managed-settings.json", Encoding.UTF8.GetBytes(json));

    private void Primary(string key) => _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "{\"primaryApiKey\":\"" + key + "\"}");

    private void Profile(string name, string token, bool active = false, UnixFileMode mode = UnixFileMode.UserRead | UnixFileMode.UserWrite)
    {
        var dir = Path.Combine(_sandbox.Home, ".config", "anthropic");
        _sandbox.WriteText(Path.Combine(dir, "configs", name + ".json"), """{"authentication":{"type":"user_oauth"}}""");
        var creds = _sandbox.WriteText(Path.Combine(dir, "credentials", name + ".json"), "{\"access_token\":\"" + token + "\"}");
        File.SetUnixFileMode(creds, mode);
        if (active) _sandbox.WriteText(Path.Combine(dir, "active_config"), name + "\n");
    }

    // Two header slots.

    [Fact]
    public void AConsoleKeyAndAnAuthTokenTravelTogether()
    {
        Primary(_key);
        var r = Resolve(new() { ["ANTHROPIC_AUTH_TOKEN"] = _auth });
        r.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "file:" + Path.Combine(_sandbox.Home, ".claude.json"), Redactor.Fingerprint(_key)));
        r.AlsoSent.Single().Kind.ShouldBe(CredentialKind.AuthToken);
    }

    [Fact]
    public void AConsoleKeyIsNotSentBesideASubscriptionToken()
    {
        Primary(_key);
        _sandbox.WriteLoginCredentials(_login);
        var r = Resolve();
        r.Winner.Kind.ShouldBe(CredentialKind.Login);
        r.AlsoSent.ShouldBeEmpty();
        r.Shadowed.ShouldContain(c => c.Kind == CredentialKind.ApiKey);
    }

    [Fact]
    public void ValuesAreTrimmedAndBlankMeansUnset()
    {
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = "  " + _key + "\n", ["ANTHROPIC_AUTH_TOKEN"] = "   " });
        r.Winner.Fingerprint.ShouldBe(Redactor.Fingerprint(_key));
        r.AlsoSent.ShouldBeEmpty();
    }

    [Fact]
    public void NullInASettingsEnvBlockIsSentAsTheWordNull()
    {
        _sandbox.WriteText(_sandbox.UserSettingsPath, "{\"env\":{\"ANTHROPIC_API_KEY\":null}}");
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key });
        r.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:user", Redactor.Fingerprint("null")));
    }

    // Where a variable may come from.

    [Theory]
    [InlineData("settings.json")]
    [InlineData("settings.local.json")]
    public void ARepositoryCannotSetTheOAuthToken(string file)
    {
        _sandbox.WriteJson(Path.Combine(_sandbox.Project, ".claude", file), SandboxHome.EnvSettings("CLAUDE_CODE_OAUTH_TOKEN", _oauth));
        _sandbox.WriteLoginCredentials(_login);
        Resolve().Winner.Kind.ShouldBe(CredentialKind.Login);
    }

    [Fact]
    public void ARepositoryCanSetAnAuthTokenAndAProviderSwitch()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_AUTH_TOKEN", _auth));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Kind.ShouldBe(CredentialKind.AuthToken);
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("CLAUDE_CODE_USE_VERTEX", "1"));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Verdict.ShouldBe(Billing.CloudProvider);
    }

    [Fact]
    public void DescriptorVariablesCountOnlyFromTheEnvironment()
    {
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR", "3"));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    // --bare and CLAUDE_CODE_SIMPLE.

    [Fact]
    public void BareReadsNoOAuthNoLoginNoConsoleKeyNoFileHelper()
    {
        _sandbox.WriteLoginCredentials(_login);
        Primary(_key);
        _sandbox.WriteUserSettings(SandboxHome.HelperSettings(FakeTokens.ApiKey()));
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR"] = "3" };
        Resolve(env).Winner.Kind.ShouldBe(CredentialKind.ApiKeyHelper);
        var bare = Resolve(env, StartMode.Bare);
        bare.Verdict.ShouldBe(Billing.None);
        bare.Mode.ShouldBe(StartMode.Bare);
    }

    [Fact]
    public void BareKeepsTheApiKeyTheAuthTokenAndAFlagHelper()
    {
        var env = new Dictionary<string, string> { ["ANTHROPIC_AUTH_TOKEN"] = _auth, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth };
        Resolve(env, StartMode.Bare).Winner.Kind.ShouldBe(CredentialKind.AuthToken);
        var flag = SettingsLayer.FromObject(SettingsScope.Flag, "--settings", new System.Text.Json.Nodes.JsonObject { ["apiKeyHelper"] = "echo k" });
        var withHelper = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Bare, flag);
        withHelper.Winner.Kind.ShouldBe(CredentialKind.ApiKeyHelper);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("true", true)]
    [InlineData("TRUE", true)]
    [InlineData("yes", true)]
    [InlineData("on", true)]
    [InlineData("0", false)]
    [InlineData("false", false)]
    public void SimpleModeFromTheEnvironmentIsBare(string value, bool bare) =>
        Resolve(new() { ["CLAUDE_CODE_SIMPLE"] = value, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Verdict.ShouldBe(bare ? Billing.None : Billing.Subscription);

    [Fact]
    public void SimpleModeCountsFromUserSettingsButNotFromTheRepository()
    {
        _sandbox.WriteProjectSettings(SandboxHome.EnvSettings("CLAUDE_CODE_SIMPLE", "1"));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Verdict.ShouldBe(Billing.Subscription);
        _sandbox.WriteUserSettings(SandboxHome.EnvSettings("CLAUDE_CODE_SIMPLE", "1"));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Verdict.ShouldBe(Billing.None);
    }

    // Descriptors, cloud-session files.

    [Fact]
    public void TheOAuthDescriptorBeatsLoginButNotTheOAuthVariable()
    {
        _sandbox.WriteLoginCredentials(_login);
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR"] = "3" });
        r.Winner.Contract().ShouldBe((CredentialKind.OAuthToken, "env:CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR", null));
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR"] = "3", ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Source.ToString().ShouldBe("env:CLAUDE_CODE_OAUTH_TOKEN");
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR"] = "abc" }).Winner.Kind.ShouldBe(CredentialKind.Login);
    }

    [Fact]
    public void TheKeyDescriptorIsAnApiKeyBelowTheVariable()
    {
        Resolve(new() { ["CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR"] = "4", ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Contract()
            .ShouldBe((CredentialKind.ApiKey, "env:CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR", null));
        Resolve(new() { ["CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR"] = "4", ["ANTHROPIC_API_KEY"] = _key }).Winner.Fingerprint.ShouldBe(Redactor.Fingerprint(_key));
    }

    // ant profiles and federation.

    [Fact]
    public void AnExplicitProfileBeatsLoginAndBillsTheApi()
    {
        var token = FakeTokens.OAuthToken();
        Profile("work", token);
        _sandbox.WriteLoginCredentials(_login);
        var r = Resolve(new() { ["ANTHROPIC_PROFILE"] = "work" });
        r.Winner.Kind.ShouldBe(CredentialKind.Profile);
        r.Winner.Fingerprint.ShouldBe(Redactor.Fingerprint(token));
        r.Verdict.ShouldBe(Billing.ApiKey);
        Resolve(new() { ["ANTHROPIC_PROFILE"] = "work", ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
        Resolve(new() { ["ANTHROPIC_PROFILE"] = "missing" }).Winner.Kind.ShouldBe(CredentialKind.Login);
    }

    [Fact]
    public void AnImplicitProfileCountsOnlyWithoutLogin()
    {
        Profile("team", FakeTokens.OAuthToken(), active: true);
        Resolve().Winner.Kind.ShouldBe(CredentialKind.Profile);
        _sandbox.WriteLoginCredentials(_login);
        Resolve().Winner.Kind.ShouldBe(CredentialKind.Login);
    }

    [Fact]
    public void AnImplicitFederationProfileFederatesEvenWithLogin()
    {
        // Measured on 2.1.330 and 2.1.332: an implicit oidc_federation profile (configs/default.json) exchanges its
        // identity token and sends the minted token, /login or not; an implicit user_oauth profile yields to /login.
        var idToken = _sandbox.WriteText(Path.Combine(_sandbox.Root, "idtoken.jwt"), "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.sig");
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".config", "anthropic", "configs", "default.json"),
            "{\"organization_id\":\"00000000-0000-0000-0000-0000000000bb\",\"authentication\":{\"type\":\"oidc_federation\",\"federation_rule_id\":\"fdrl_x\",\"identity_token\":{\"source\":\"file\",\"path\":\"" + idToken + "\"}}}");
        Resolve().Winner.Kind.ShouldBe(CredentialKind.Federation);
        _sandbox.WriteLoginCredentials(_login);
        var r = Resolve();
        r.Winner.Kind.ShouldBe(CredentialKind.Federation);
        r.Verdict.ShouldBe(Billing.ApiKey);
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    [Fact]
    public void AConsoleKeyBeatsAProfileBecauseAProfileIsNoSubscription()
    {
        Profile("work", FakeTokens.OAuthToken());
        _sandbox.WriteLoginCredentials(_login);
        Primary(_key);
        Resolve(new() { ["ANTHROPIC_PROFILE"] = "work" }).Winner.Contract().ShouldBe((CredentialKind.ApiKey, "file:" + Path.Combine(_sandbox.Home, ".claude.json"), Redactor.Fingerprint(_key)));
    }

    [Fact]
    public void AProfileOthersCanReadIsPickedButSendsNothing()
    {
        Profile("work", FakeTokens.OAuthToken(), mode: UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
        _sandbox.WriteLoginCredentials(_login);
        var r = Resolve(new() { ["ANTHROPIC_PROFILE"] = "work" });
        r.Verdict.ShouldBe(Billing.None);
        r.Refusal.ShouldNotBeNull().ShouldContain("other users");
    }

    [Fact]
    public void FederationBeatsLoginAndWithoutATokenSendsNothing()
    {
        _sandbox.WriteLoginCredentials(_login);
        var env = new Dictionary<string, string> { ["ANTHROPIC_FEDERATION_RULE_ID"] = "fdrl_x", ["ANTHROPIC_ORGANIZATION_ID"] = "org" };
        var broken = Resolve(env);
        broken.Verdict.ShouldBe(Billing.None);
        broken.Refusal.ShouldNotBeNull().ShouldContain("identity token");
        env["ANTHROPIC_IDENTITY_TOKEN"] = "eyJ.x.y";
        var r = Resolve(env);
        r.Winner.Kind.ShouldBe(CredentialKind.Federation);
        r.Verdict.ShouldBe(Billing.ApiKey);
        env["ANTHROPIC_FEDERATION_RULE_ID"] = "  ";
        Resolve(env).Winner.Kind.ShouldBe(CredentialKind.Login);
    }

    // The Cloud gateway and provider switches.

    [Fact]
    public void TheCloudGatewaySendsOnlyTheAuthTokenAboveEverything()
    {
        var env = new Dictionary<string, string>
        {
            ["CLAUDE_CODE_USE_GATEWAY"] = "1", ["ANTHROPIC_BASE_URL"] = "https://gw.example.invalid", ["ANTHROPIC_AUTH_TOKEN"] = _auth,
            ["ANTHROPIC_API_KEY"] = _key, ["CLAUDE_CODE_USE_BEDROCK"] = "1",
        };
        var r = Resolve(env);
        r.Winner.Kind.ShouldBe(CredentialKind.AuthToken);
        r.Verdict.ShouldBe(Billing.Gateway);
        r.AlsoSent.ShouldBeEmpty();
        env["ANTHROPIC_AUTH_TOKEN"] = "";
        Resolve(env).Verdict.ShouldBe(Billing.CloudProvider);
    }

    [Theory]
    [InlineData("CLAUDE_CODE_USE_ANTHROPIC_AWS")]
    [InlineData("CLAUDE_CODE_USE_ANTHROPIC_GOOGLE_CLOUD")]
    [InlineData("CLAUDE_CODE_USE_MANTLE")]
    [InlineData("CLAUDE_CODE_USE_FOUNDRY")]
    public void EveryProviderSwitchRoutesToItsCloud(string flag)
    {
        var r = Resolve(new() { [flag] = "on", ["ANTHROPIC_API_KEY"] = _key });
        r.Verdict.ShouldBe(Billing.CloudProvider);
        r.Winner.Source.ToString().ShouldBe("env:" + flag);
    }

    [Fact]
    public void TheFirstSwitchInClaudeCodesOrderWins()
    {
        var r = Resolve(new() { ["CLAUDE_CODE_USE_VERTEX"] = "1", ["CLAUDE_CODE_USE_FOUNDRY"] = "1" });
        r.Winner.Source.Variable.ShouldBe("CLAUDE_CODE_USE_FOUNDRY");
    }

    // Custom headers.

    [Fact]
    public void ACustomAuthorizationHeaderReplacesTheBearer()
    {
        var header = FakeTokens.GatewayToken();
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_CUSTOM_HEADERS"] = "X-Other: 1\nAuthorization: Bearer " + header });
        r.Winner.Contract().ShouldBe((CredentialKind.AuthToken, "env:ANTHROPIC_CUSTOM_HEADERS", Redactor.Fingerprint(header)));
        var withKey = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key, ["ANTHROPIC_CUSTOM_HEADERS"] = "Authorization: Bearer " + header });
        withKey.Winner.Kind.ShouldBe(CredentialKind.ApiKey);
        withKey.AlsoSent.Single().Fingerprint.ShouldBe(Redactor.Fingerprint(header));
    }

    // The managed login policy.

    [Theory]
    [InlineData("claudeai")]
    [InlineData("console")]
    public void ForcedFirstPartyLoginRefusesKeysAndTokens(string method)
    {
        var managed = Managed("{\"forceLoginMethod\":\"" + method + "\"}");
        var r = Resolve(new() { ["ANTHROPIC_API_KEY"] = _key, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, managed);
        r.Verdict.ShouldBe(Billing.None);
        r.Refused.ShouldNotBeNull().Kind.ShouldBe(CredentialKind.ApiKey);
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, managed).Verdict.ShouldBe(Billing.Subscription);
        Primary(_key);
        Resolve(null, StartMode.Print, managed).Winner.Kind.ShouldBe(CredentialKind.ApiKey, "a Console-managed key is a first-party sign-in");
    }

    [Fact]
    public void ForcedGatewayLoginRefusesEverythingElse() =>
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, Managed("""{"forceLoginMethod":"gateway"}""")).Verdict.ShouldBe(Billing.None);

    [Fact]
    public void AnOrganizationPinRefusesKeysAndLetsSubscriptionsThrough()
    {
        var managed = Managed("""{"forceLoginOrgUUID":"00000000-0000-4000-8000-000000000001"}""");
        Resolve(new() { ["ANTHROPIC_API_KEY"] = _key }, StartMode.Print, managed).Verdict.ShouldBe(Billing.None);
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, managed).Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void AllowedProvidersRefuseAnotherProviderOrACustomEndpoint()
    {
        var managed = Managed("""{"allowedProviders":["bedrock"]}""");
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, managed).Verdict.ShouldBe(Billing.None);
        Resolve(new() { ["CLAUDE_CODE_USE_BEDROCK"] = "1" }, StartMode.Print, managed).Verdict.ShouldBe(Billing.CloudProvider);
        var anthropic = Managed("""{"allowedProviders":["anthropic"]}""");
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth, ["ANTHROPIC_BASE_URL"] = "http://127.0.0.1:9" }, StartMode.Print, anthropic).Verdict.ShouldBe(Billing.None);
    }

    [Fact]
    public void ManagedEnvBeatsEveryOtherLayer()
    {
        var managedKey = FakeTokens.ApiKey();
        var flag = SettingsLayer.FromObject(SettingsScope.Flag, "--settings", new System.Text.Json.Nodes.JsonObject { ["env"] = new System.Text.Json.Nodes.JsonObject { ["ANTHROPIC_API_KEY"] = _key } });
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, flag, Managed("{\"env\":{\"ANTHROPIC_API_KEY\":\"" + managedKey + "\"}}"));
        r.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:managed", Redactor.Fingerprint(managedKey)));
    }

    // Files Claude Code refuses to start with.

    [Fact]
    public void ACorruptGlobalStateFileStopsClaudeCode()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "{ // no\n}");
        var r = Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth });
        r.Verdict.ShouldBe(Billing.None);
        r.Refusal.ShouldNotBeNull().ShouldContain("corrupted");
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "\uFEFF{}");
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }).Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void AnUnparsableManagedFileStopsClaudeCode() =>
        Resolve(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth }, StartMode.Print, Managed("{ // x\n}")).Refusal.ShouldNotBeNull().ShouldContain("refuses to start");

    [Fact]
    public void CredentialsWithAByteOrderMarkAreUnreadable()
    {
        var path = _sandbox.WriteLoginCredentials(_login);
        _sandbox.WriteText(path, "\uFEFF" + File.ReadAllText(path));
        Resolve().Verdict.ShouldBe(Billing.None);
    }

    [Fact]
    public void TheInteractiveModeSkipsARejectedKey()
    {
        _sandbox.WriteText(Path.Combine(_sandbox.Home, ".claude.json"), "{\"customApiKeyResponses\":{\"approved\":[],\"rejected\":[\"" + _key[^20..] + "\"]}}");
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = _key, ["CLAUDE_CODE_OAUTH_TOKEN"] = _oauth };
        Resolve(env).Winner.Kind.ShouldBe(CredentialKind.ApiKey);
        var interactive = Resolve(env, StartMode.Interactive);
        interactive.Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
        interactive.Mode.ShouldBe(StartMode.Interactive);
    }
}
