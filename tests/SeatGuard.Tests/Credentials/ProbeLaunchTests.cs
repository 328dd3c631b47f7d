using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Credentials.Probe;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

/// <summary>How the probe starts claude: no proxy, hooks off, no repository helper, git told to run nothing (interop tests prove it on the real CLI).</summary>
public sealed class ProbeLaunchTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void TheChildGetsNoProxyInAnySpellingAndLoopbackIsExempt()
    {
        var env = new Dictionary<string, string>
        {
            ["HTTPS_PROXY"] = "http://p", ["http_proxy"] = "http://p", ["All_Proxy"] = "http://p", ["NO_PROXY"] = "example.com",
            ["GIT_CONFIG_GLOBAL"] = "/x", ["PATH"] = "/bin", ["CLAUDE_CODE_OAUTH_TOKEN"] = "t",
        };
        var child = ProbeLaunch.Environment(env, "http://127.0.0.1:1/sg-x");
        child.Keys.ShouldNotContain(k => k.EndsWith("_proxy", StringComparison.OrdinalIgnoreCase) && !k.Equals("NO_PROXY", StringComparison.OrdinalIgnoreCase));
        child["NO_PROXY"].ShouldBe("127.0.0.1,localhost,::1");
        child["no_proxy"].ShouldBe("127.0.0.1,localhost,::1");
        child["ANTHROPIC_BASE_URL"].ShouldBe("http://127.0.0.1:1/sg-x");
        child["CLAUDE_CODE_OAUTH_TOKEN"].ShouldBe("t", "the user's own credentials are what the probe measures");
        child.ContainsKey("GIT_CONFIG_GLOBAL").ShouldBeFalse();
        int count = int.Parse(child["GIT_CONFIG_COUNT"], System.Globalization.CultureInfo.InvariantCulture);
        Enumerable.Range(0, count).Select(i => child[$"GIT_CONFIG_KEY_{i}"]).ShouldContain("core.fsmonitor");
    }

    [Fact]
    public void TheSettingsLayerTurnsHooksAndRepositoryPluginsOffAndBlanksProxies()
    {
        _sandbox.WriteProjectSettings(new Dictionary<string, object> { ["enabledPlugins"] = new Dictionary<string, bool> { ["evil@market"] = true } });
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host());
        var settings = ProbeLaunch.Settings("http://127.0.0.1:1/sg-x", new Dictionary<string, string> { ["PATH"] = "/usr/bin" }, inventory, null);
        settings["disableAllHooks"]!.GetValue<bool>().ShouldBeTrue();
        settings["enabledPlugins"]!["evil@market"]!.GetValue<bool>().ShouldBeFalse();
        var env = settings["env"]!.AsObject();
        env["ANTHROPIC_BASE_URL"]!.GetValue<string>().ShouldBe("http://127.0.0.1:1/sg-x");
        foreach (var proxy in BillingVariables.Proxies) env[proxy]!.GetValue<string>().ShouldBe("");
        env["PATH"]!.GetValue<string>().ShouldBe("/usr/bin");
        env["LD_PRELOAD"]!.GetValue<string>().ShouldBe("");
        settings.ContainsKey("apiKeyHelper").ShouldBeFalse();
    }

    [Fact]
    public void ARepositoryHelperIsReplacedByAMarker()
    {
        _sandbox.WriteLocalSettings(SandboxHome.HelperSettings("x"));
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host());
        ProbeLaunch.HelperFromRepository(inventory).ShouldBeTrue();
        ProbeLaunch.Settings("http://127.0.0.1:1", new Dictionary<string, string>(), inventory, "marker-1")["apiKeyHelper"]!.GetValue<string>().ShouldBe("echo marker-1");

        _sandbox.Dispose();
        using var other = new SandboxHome();
        other.WriteUserSettings(SandboxHome.HelperSettings("x"));
        ProbeLaunch.HelperFromRepository(new CredentialReader(NoKeychain.Instance).Gather(other.Host())).ShouldBeFalse("the user's own helper may run");
    }

    [Fact]
    public void AttributionNamesHeadersByFingerprintAndNoticesASecondCredential()
    {
        var key = FakeTokens.ApiKey();
        var auth = FakeTokens.GatewayToken();
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(new() { ["ANTHROPIC_API_KEY"] = key, ["ANTHROPIC_AUTH_TOKEN"] = auth }));
        var predicted = BillingResolver.Resolve(inventory);
        var request = new ObservedRequest("/v1/messages", Header("x-api-key", key), Header("authorization", auth), false);
        var seen = WireAttribution.Attribute(request, inventory, predicted);
        (seen.Kind, seen.Second).ShouldBe((CredentialKind.ApiKey, CredentialKind.AuthToken));
        WireAttribution.Agrees(seen, predicted).ShouldBeTrue();

        var onlyKey = WireAttribution.Attribute(request with { Bearer = null }, inventory, predicted);
        WireAttribution.Agrees(onlyKey, predicted).ShouldBeFalse("the predicted second credential did not travel");
        WireAttribution.Attribute(null, inventory, predicted).Kind.ShouldBe(CredentialKind.None);
    }

    [Fact]
    public void AnEmptyCredentialIsAFailedHelper()
    {
        _sandbox.WriteUserSettings(new Dictionary<string, string> { ["apiKeyHelper"] = "exit 1" });
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(_sandbox.Host(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }));
        var predicted = BillingResolver.Resolve(inventory);
        var seen = WireAttribution.Attribute(new ObservedRequest("/v1/messages", new ObservedHeader("x-api-key", "", ""), new ObservedHeader("authorization", "", ""), false), inventory, predicted);
        (seen.Kind, seen.EmptyCredential, seen.Second).ShouldBe((CredentialKind.ApiKeyHelper, true, (CredentialKind?)null));
        WireAttribution.Agrees(seen, predicted).ShouldBeTrue();
    }

    private static ObservedHeader Header(string name, string value) => new(name, Redactor.PublicPrefix(value), Redactor.Fingerprint(value));
}
