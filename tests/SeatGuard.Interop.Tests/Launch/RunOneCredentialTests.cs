using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Launch;

/// <summary>
/// Bar run-one-credential: with conflicting credentials everywhere, `seatguard run` puts exactly the
/// intended credential on the wire (and nothing else), proven against the real Claude Code.
/// </summary>
public sealed class RunOneCredentialTests
{
    public sealed class Tokens
    {
        public string Key { get; } = FakeTokens.ApiKey();
        public string SettingsKey { get; } = FakeTokens.ApiKey();
        public string HelperKey { get; } = FakeTokens.ApiKey();
        public string OAuth { get; } = FakeTokens.OAuthToken();
        public string Login { get; } = FakeTokens.OAuthToken();
        public string Auth { get; } = FakeTokens.GatewayToken();
    }

    /// <summary>A conflicting environment, the mode asked for, and the one token that must reach the wire.</summary>
    public sealed record Case(string Name, string[] SeatguardArgs, Func<SandboxHome, Tokens, Dictionary<string, string>> Setup, Func<Tokens, string> Expected, string Header);

    private static Dictionary<string, string> Env(params (string, string)[] pairs) => pairs.ToDictionary(p => p.Item1, p => p.Item2);

    public static readonly Case[] Matrix =
    [
        new("sub: env key + oauth env", ["--mode", "subscription"], (s, t) => Env(("ANTHROPIC_API_KEY", t.Key), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => t.OAuth, "bearer"),
        new("sub: user settings key + oauth env", [], (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.SettingsKey));
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.OAuth, "bearer"),
        new("sub: project settings key + empty env key + login", ["--mode", "subscription"], (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.SettingsKey));
            s.WriteLoginCredentials(t.Login);
            return Env(("ANTHROPIC_API_KEY", ""));
        }, t => t.Login, "bearer"),
        new("sub: helper + local settings key + oauth env", ["--mode", "subscription"], (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.HelperSettings(t.HelperKey));
            s.WriteLocalSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", t.SettingsKey));
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.OAuth, "bearer"),
        new("sub: auth token + env key + login", ["--mode", "subscription"], (s, t) =>
        {
            s.WriteLoginCredentials(t.Login);
            return Env(("ANTHROPIC_AUTH_TOKEN", t.Auth), ("ANTHROPIC_API_KEY", t.Key));
        }, t => t.Login, "bearer"),
        new("sub: settings auth token + oauth env + user --settings", ["--mode", "subscription", "--", "--settings", "{\"model\":\"sonnet\"}"], (s, t) =>
        {
            s.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_AUTH_TOKEN", t.Auth));
            return Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.OAuth, "bearer"),
        new("sub: user --settings injecting a key is neutralised", ["--mode", "subscription", "--", "--settings", "{\"env\":{\"ANTHROPIC_API_KEY\":\"KEY\"}}"], (s, t) =>
            Env(("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => t.OAuth, "bearer"),
        new("api: oauth env + env key", ["--mode", "api-key"], (s, t) => Env(("ANTHROPIC_API_KEY", t.Key), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth)), t => t.Key, "x-api-key"),
        new("api: someone else + key + auth token + login", ["--for", "client-acme"], (s, t) =>
        {
            s.WriteLoginCredentials(t.Login);
            return Env(("ANTHROPIC_API_KEY", t.Key), ("ANTHROPIC_AUTH_TOKEN", t.Auth));
        }, t => t.Key, "x-api-key"),
        new("api: key + helper keeps only the key", ["--mode", "api-key"], (s, t) =>
        {
            s.WriteUserSettings(SandboxHome.HelperSettings(t.HelperKey));
            return Env(("ANTHROPIC_API_KEY", t.Key), ("CLAUDE_CODE_OAUTH_TOKEN", t.OAuth));
        }, t => t.Key, "x-api-key"),
        new("api: settings key + oauth in settings", ["--mode", "api-key"], (s, t) =>
        {
            s.WriteUserSettings(new Dictionary<string, object> { ["env"] = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = t.OAuth, ["ANTHROPIC_API_KEY"] = t.SettingsKey } });
            return Env();
        }, t => t.SettingsKey, "x-api-key"),
    ];

    /// <summary>The clean environment for seatguard: the real claude, the stand-in as API, the OS user "owner".</summary>
    private static Dictionary<string, string> SeatguardEnvironment(SandboxHome sandbox, MessagesApiStandIn standIn)
    {
        var env = ClaudeRunner.Environment(sandbox, standIn);
        env["SEATGUARD_CLAUDE"] = ToolPaths.Claude;
        env["USER"] = "owner";
        return env;
    }

    public static TheoryData<string> CaseNames() => new(Matrix.Select(c => c.Name));

    [Theory]
    [MemberData(nameof(CaseNames))]
    public async Task OnlyTheIntendedCredentialReachesTheWire(string name)
    {
        var c = Matrix.Single(m => m.Name == name);
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var tokens = new Tokens();
        var env = SeatguardEnvironment(sandbox, standIn);
        foreach (var (k, v) in c.Setup(sandbox, tokens)) env[k] = v;

        var seatguardArgs = c.SeatguardArgs.Select(a => a.Replace("KEY", tokens.Key, StringComparison.Ordinal)).ToList();
        if (!seatguardArgs.Contains("--")) seatguardArgs.Add("--");
        seatguardArgs.AddRange(["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence"]);
        var result = await CliHarness.RunAsync(sandbox, env, ["run", .. seatguardArgs]);

        result.ExitCode.ShouldBe(0, result.ToString());
        var expected = c.Expected(tokens);
        standIn.MessageRequests.ShouldNotBeEmpty();
        foreach (var request in standIn.MessageRequests)
        {
            if (c.Header == "bearer")
            {
                request.BearerToken.ShouldBe(expected);
                request.ApiKey.ShouldBeNull();
            }
            else
            {
                request.ApiKey.ShouldBe(expected);
                request.Authorization.ShouldBeNull();
            }
        }
        // The output passed through unchanged: every stdout line is Claude Code's own JSON.
        result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).ShouldAllBe(l => JsonDocument.Parse(l, default).RootElement.ValueKind == JsonValueKind.Object);
        result.StdErr.ShouldContain(c.Header == "bearer" ? "billed subscription" : "billed api-key");
        foreach (var secret in new[] { tokens.Key, tokens.SettingsKey, tokens.HelperKey, tokens.OAuth, tokens.Login, tokens.Auth })
            result.StdErr.ShouldNotContain(secret[^30..]);
    }

    [Fact]
    public async Task SomeoneElseWithoutApiKeyIsRefusedAndNothingIsSent()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = SeatguardEnvironment(sandbox, standIn);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();

        var result = await CliHarness.RunAsync(sandbox, env, "run", "--for", "teammate", "--", "-p", "ping");

        result.ExitCode.ShouldBe(4, result.ToString());
        result.StdErr.ShouldContain("API key");
        result.StdErr.ShouldContain("own use");
        standIn.Requests.ShouldBeEmpty();
    }

    [Theory]
    [InlineData("argument")]
    [InlineData("environment")]
    [InlineData("user settings")]
    public async Task ASubscriptionLaunchThatClaudeCodeWouldRunBareIsRefusedAndNothingIsSent(string where)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = SeatguardEnvironment(sandbox, standIn);
        var oauth = FakeTokens.OAuthToken();
        env["CLAUDE_CODE_OAUTH_TOKEN"] = oauth;
        string[] claudeArgs = ["-p", "ping", "--no-session-persistence"];
        if (where == "argument") claudeArgs = ["--bare", .. claudeArgs];
        if (where == "environment") env["CLAUDE_CODE_SIMPLE"] = "1";
        if (where == "user settings") sandbox.WriteUserSettings(SandboxHome.EnvSettings("CLAUDE_CODE_SIMPLE", "1"));

        // Control: launched as asked, the real claude sends no subscription credential at all.
        var controlEnv = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth };
        if (where == "environment") controlEnv["CLAUDE_CODE_SIMPLE"] = "1";
        var control = await ClaudeRunner.PingAsync(sandbox, standIn, controlEnv, where == "argument" ? ["--bare"] : []);
        standIn.MessageRequests.ShouldBeEmpty(control.ToString());
        int requestsBefore = standIn.Requests.Count;

        var result = await CliHarness.RunAsync(sandbox, env, ["run", "--mode", "subscription", "--", .. claudeArgs]);
        result.ExitCode.ShouldBe(4, result.ToString());
        result.StdErr.ShouldContain(where == "argument" ? "--bare" : "CLAUDE_CODE_SIMPLE");
        result.StdErr.ShouldContain("--mode api-key");
        standIn.Requests.Count.ShouldBe(requestsBefore, "seatguard refused before starting claude");
        result.StdErr.ShouldNotContain(oauth[^30..]);
    }

    [Fact]
    public async Task ForcedRunForSomeoneElseIsRecordedWithTheWarning()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = SeatguardEnvironment(sandbox, standIn);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();

        var result = await CliHarness.RunAsync(sandbox, env, "run", "--for", "teammate", "--mode", "subscription", "--force", "--", "-p", "ping", "--output-format", "stream-json", "--verbose");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdErr.ShouldContain("FORCED");

        var ledger = await CliHarness.RunAsync(sandbox, env, "ledger", "--json");
        var launch = JsonDocument.Parse(ledger.StdOut).RootElement.GetProperty("launches").EnumerateArray().Single();
        launch.GetProperty("forced").GetBoolean().ShouldBeTrue();
        launch.GetProperty("beneficiary").GetString().ShouldBe("teammate");
        launch.GetProperty("verdict").GetString().ShouldBe("subscription");
        launch.GetProperty("warning").GetString()!.ShouldContain("FORCED");
        launch.GetProperty("sessionId").GetString().ShouldNotBeNullOrEmpty();
    }

    [Fact]
    public async Task ExitCodeOfClaudeIsPropagated()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = SeatguardEnvironment(sandbox, standIn);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        var result = await CliHarness.RunAsync(sandbox, env, "run", "--", "--definitely-not-a-claude-flag");
        result.ExitCode.ShouldNotBe(0);
        result.ExitCode.ShouldNotBe(4);
        standIn.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task SubscriptionCredentialYieldsRateLimitEventEvenWithoutServerHeaders()
    {
        // Measured: the rate_limit_event is the client's own statement that it used a subscription credential;
        // without the server's unified headers it carries no rateLimitType. The verdict says so.
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { SubscriptionHeaders = false });
        var env = SeatguardEnvironment(sandbox, standIn);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();
        var result = await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence");
        result.ExitCode.ShouldBe(0, result.ToString());
        var rateLimit = result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Single(e => e.GetProperty("type").GetString() == "rate_limit_event");
        rateLimit.GetProperty("rate_limit_info").TryGetProperty("rateLimitType", out _).ShouldBeFalse();
        result.StdErr.ShouldContain("billed subscription");
        result.StdErr.ShouldContain("no unified rate-limit headers");
    }
}
