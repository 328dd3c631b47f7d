using System.Text.Json;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;
using Xunit.Abstractions;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>
/// Bar doctor-wire-truth: across a matrix of credential environments, the doctor's prediction equals
/// the credential the real Claude Code put on the wire to the stand-in, and the init event's apiKeySource.
/// </summary>
public sealed class DoctorWireTruthTests(ITestOutputHelper output)
{
    /// <summary>One environment: how to set it up, what must arrive on the wire, and what the init event says.</summary>
    public sealed record Case(string Name, CredentialKind ExpectedKind, string ExpectedApiKeySource, Func<SandboxHome, Tokens, Dictionary<string, string>> Setup,
        Func<Tokens, string?> WireApiKey, Func<Tokens, string?> WireBearer)
    {
        public override string ToString() => Name;
    }

    /// <summary>Fresh fake tokens for one case.</summary>
    public sealed class Tokens
    {
        public string Key { get; } = FakeTokens.ApiKey();
        public string Key2 { get; } = FakeTokens.ApiKey();
        public string HelperKey { get; } = FakeTokens.ApiKey();
        public string OAuth { get; } = FakeTokens.OAuthToken();
        public string Login { get; } = FakeTokens.OAuthToken();
        public string Auth { get; } = FakeTokens.GatewayToken();
    }

    private static Dictionary<string, string> Env(params (string, string)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    public static readonly Case[] Matrix =
    [
        new("oauth-env", CredentialKind.OAuthToken, "none", (s, t) => Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => null, t => t.OAuth),
        new("api-key-env", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) => Env(("ANTHROPIC_API_KEY", t.Key)), t => t.Key, t => null),
        new("api-key-env+oauth-env", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) => Env(("ANTHROPIC_API_KEY", t.Key), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => t.Key, t => null),
        new("empty-api-key-env+oauth-env", CredentialKind.OAuthToken, "none", (s, t) => Env(("ANTHROPIC_API_KEY", ""), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => null, t => t.OAuth),
        new("user-settings-key+oauth-env", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.Key, t => null),
        new("project-settings-key+login", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            s.WriteLoginCredentials(t.Login);
            return Env();
        }, t => t.Key, t => null),
        new("settings-key-beats-env-key", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key2));
            return Env(("ANTHROPIC_API_KEY", t.Key));
        }, t => t.Key2, t => null),
        new("local-beats-project", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            s.WriteLocalSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key2));
            return Env();
        }, t => t.Key2, t => null),
        new("empty-env-key-keeps-settings-key", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            return Env(("ANTHROPIC_API_KEY", ""), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.Key, t => null),
        new("helper+oauth-env", CredentialKind.ApiKeyHelper, "apiKeyHelper", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.HelperSettings(t.HelperKey));
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.HelperKey, t => t.HelperKey),
        new("helper+api-key-env", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.HelperSettings(t.HelperKey));
            return Env(("ANTHROPIC_API_KEY", t.Key));
        }, t => t.Key, t => t.HelperKey),
        new("helper+auth-token", CredentialKind.ApiKeyHelper, "apiKeyHelper", (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.HelperSettings(t.HelperKey));
            return Env(("ANTHROPIC_AUTH_TOKEN", t.Auth));
        }, t => t.HelperKey, t => t.Auth),
        new("auth-token+oauth-env", CredentialKind.AuthToken, "none", (s, t) => Env(("ANTHROPIC_AUTH_TOKEN", t.Auth), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => null, t => t.Auth),
        new("api-key+auth-token", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) => Env(("ANTHROPIC_API_KEY", t.Key), ("ANTHROPIC_AUTH_TOKEN", t.Auth)), t => t.Key, t => t.Auth),
        new("login-file", CredentialKind.Login, "none", (s, t) =>
        {
            s.WriteLoginCredentials(t.Login);
            return Env();
        }, t => null, t => t.Login),
        new("oauth-env+login-file", CredentialKind.OAuthToken, "none", (s, t) =>
        {
            s.WriteLoginCredentials(t.Login);
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => null, t => t.OAuth),
        new("expired-login-file", CredentialKind.Login, "none", (s, t) =>
        {
            s.WriteLoginCredentials(t.Login, expiresAt: DateTimeOffset.UtcNow.AddDays(-2));
            return Env();
        }, t => null, t => t.Login),
        new("oauth-in-user-settings", CredentialKind.OAuthToken, "none", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.EnvSettings("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
            return Env();
        }, t => null, t => t.OAuth),
        new("console-key+login-file", CredentialKind.Login, "/login managed key", (s, t) =>
        {
            s.WriteLoginCredentials(t.Login);
            s.WriteText(Path.Combine(s.Home, ".claude.json"), JsonSerializer.Serialize(new { primaryApiKey = t.Key }));
            return Env();
        }, t => null, t => t.Login),
        new("console-key-alone", CredentialKind.ApiKey, "/login managed key", (s, t) =>
        {
            s.WriteText(Path.Combine(s.Home, ".claude.json"), JsonSerializer.Serialize(new { primaryApiKey = t.Key }));
            return Env();
        }, t => t.Key, t => null),
        new("config-dir-settings", CredentialKind.ApiKey, "ANTHROPIC_API_KEY", (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            var cfg = Path.Combine(s.Root, "cfg");
            s.WriteJson(Path.Combine(cfg, "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key2));
            return Env(("CLAUDE_CONFIG_DIR", cfg));
        }, t => t.Key2, t => null),
        new("parent-git-root-settings-ignored", CredentialKind.OAuthToken, "none", (s, t) =>
        {
            s.WriteJson(Path.Combine(s.Root, ".claude", "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.Key));
            System.Diagnostics.Process.Start("git", ["init", "-q", s.Root])!.WaitForExit();
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => null, t => t.OAuth),
        new("nothing", CredentialKind.None, "none", (s, t) => Env(), t => null, t => null),
        new("login-without-inference-scope", CredentialKind.None, "none", (s, t) =>
        {
            s.WriteLoginCredentials(t.Login, scopes: ["user:profile"]);
            return Env();
        }, t => null, t => null),
    ];

    public static TheoryData<string> CaseNames() => new(Matrix.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task PredictionEqualsWhatReachesTheWire(string name)
    {
        var c = Matrix.Single(m => m.Name == name);
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var tokens = new Tokens();
        var caseEnv = c.Setup(sandbox, tokens);

        var result = await ClaudeRunner.PingAsync(sandbox, standIn, caseEnv);
        output.WriteLine(Redactor.Scrub(result.ToString()));

        // 1. What the real CLI did (the measured fact).
        var wire = standIn.MessageRequests.FirstOrDefault();
        if (c.ExpectedKind == CredentialKind.None)
        {
            wire.ShouldBeNull();
            result.ExitCode.ShouldNotBe(0);
        }
        else
        {
            wire.ShouldNotBeNull(result.ToString());
            wire.ApiKey.ShouldBe(c.WireApiKey(tokens));
            wire.BearerToken.ShouldBe(c.WireBearer(tokens));
        }
        var init = JsonDocument.Parse(result.StdOutLines.First()).RootElement;
        init.GetProperty("apiKeySource").GetString().ShouldBe(c.ExpectedApiKeySource);

        // 2. What the model predicts from the same environment and files.
        var env = ClaudeRunner.Environment(sandbox, standIn);
        foreach (var (k, v) in caseEnv) env[k] = v;
        var report = await sandbox.Services(env).Doctor.DiagnoseAsync(sandbox.Host(env), new DoctorOptions());
        report.Credential.Kind.ShouldBe(c.ExpectedKind);
        var winnerOnWire = c.WireApiKey(tokens) ?? c.WireBearer(tokens);
        if (report.Credential.Fingerprint is not null) report.Credential.Fingerprint.ShouldBe(Redactor.Fingerprint(winnerOnWire!));
        bool secondCredential = c.WireApiKey(tokens) is not null && c.WireBearer(tokens) is { } bearer && bearer != c.WireApiKey(tokens);
        report.AlsoSent.Count.ShouldBe(secondCredential ? 1 : 0);
        report.Verdict.ShouldBe(BillingNames.ForKind(c.ExpectedKind));
        bool rateLimitEvent = result.StdOut.Contains("\"rate_limit_event\"", StringComparison.Ordinal);
        rateLimitEvent.ShouldBe(report.Verdict == Billing.Subscription);
    }
}
