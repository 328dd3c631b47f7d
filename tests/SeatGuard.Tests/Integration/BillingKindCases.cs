using SeatGuard.TestKit;

namespace SeatGuard.Tests.Integration;

/// <summary>One sandbox per billing kind: what to set up, and the words the status line must show.</summary>
public sealed record BillingKindCase(string Name, string Verdict, string Words, Func<SandboxHome, Dictionary<string, string>> Setup)
{
    public static readonly BillingKindCase[] All =
    [
        new("oauth token env", "subscription", "Subscription (setup-token, env)", _ => new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }),
        new("login max", "subscription", "Max subscription", s => { s.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "max"); return []; }),
        new("login pro", "subscription", "Pro subscription", s => { s.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "pro"); return []; }),
        new("api key env", "api-key", "API key (env)", _ => new() { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() }),
        new("api key user settings over login", "api-key", "API key (settings.json)", s =>
        {
            s.WriteLoginCredentials(FakeTokens.OAuthToken());
            s.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
            return [];
        }),
        new("api key helper", "api-key", "API key (apiKeyHelper, settings.json)", s => { s.WriteUserSettings(SandboxHome.HelperSettings(FakeTokens.ApiKey())); return []; }),
        new("gateway", "gateway", "gateway (gw.example.com)", _ => new()
        {
            ["ANTHROPIC_AUTH_TOKEN"] = FakeTokens.GatewayToken(),
            ["ANTHROPIC_BASE_URL"] = "https://gw.example.com/anthropic",
        }),
        new("cloud bedrock", "cloud-provider", "cloud provider (Bedrock)", _ => new() { ["CLAUDE_CODE_USE_BEDROCK"] = "1" }),
        new("nothing", "none", "no credential", _ => []),
    ];

    public static TheoryData<string> Names() => new(All.Select(c => c.Name));

    public static BillingKindCase Named(string name) => All.Single(c => c.Name == name);

    public bool IsSubscription => Verdict == "subscription";

    /// <summary>Every secret the sandbox holds (env values and files), so outputs can be checked for leaks.</summary>
    public static IEnumerable<string> Secrets(SandboxHome sandbox, Dictionary<string, string> env)
    {
        foreach (var value in env.Values.Where(v => v.Length > 30)) yield return value;
        foreach (var file in new[] { sandbox.CredentialsPath, sandbox.UserSettingsPath, sandbox.ProjectSettingsPath })
        {
            if (!File.Exists(file)) continue;
            foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(file), "sk-ant-[A-Za-z0-9_-]{20,}"))
                yield return m.Value;
        }
    }

    /// <summary>No output contains the body of any secret (its last 24 characters).</summary>
    public static void ShouldNotLeak(string output, IEnumerable<string> secrets)
    {
        foreach (var secret in secrets) output.ShouldNotContain(secret[^24..]);
    }
}
