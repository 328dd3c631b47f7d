using SeatGuard.Core.Usage;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Integration;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Integration;

public sealed class StatusLineTests
{
    private static string Input(string dir, string model = "Opus") =>
        $$"""{"session_id":"s-1","transcript_path":"/nowhere/s-1.jsonl","cwd":"{{dir}}","model":{"id":"claude-opus","display_name":"{{model}}"},"workspace":{"current_dir":"{{dir}}","project_dir":"{{dir}}"},"cost":{"total_cost_usd":0.4321},"version":"2.1.330"}""";

    [Theory]
    [MemberData(nameof(BillingKindCase.Names), MemberType = typeof(BillingKindCase))]
    public async Task ShowsTheBillingSourceInPlainWords(string name)
    {
        var c = BillingKindCase.Named(name);
        using var sandbox = new SandboxHome();
        var env = c.Setup(sandbox);

        var result = await CliHarness.RunWithInputAsync(sandbox, env, Input(sandbox.Project), "statusline");

        result.ExitCode.ShouldBe(0, result.ToString());
        var line = result.StdOut.TrimEnd('\n');
        line.ShouldNotContain("\n");
        line.ShouldStartWith(c.IsSubscription ? c.Words : "⚠ " + c.Words + " — expected subscription");
        line.ShouldContain(" · Opus · session $0.43");
        BillingKindCase.ShouldNotLeak(result.StdOut + result.StdErr, BillingKindCase.Secrets(sandbox, env));
    }

    [Fact]
    public async Task ApiKeyIsNoWarningWhenTheUserExpectsApiKeyBilling()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"), """{"expectedMode":"api-key"}""");
        var env = new Dictionary<string, string> { ["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey() };

        var result = await CliHarness.RunWithInputAsync(sandbox, env, Input(sandbox.Project), "statusline");

        result.StdOut.ShouldStartWith("API key (env) · Opus");
    }

    [Fact]
    public async Task TheSessionDirectoryDecidesWhichProjectSettingsCount()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        var other = Path.Combine(sandbox.Root, "other-repo");
        var key = FakeTokens.ApiKey();
        sandbox.WriteJson(Path.Combine(other, ".claude", "settings.json"), SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));

        var inProject = await CliHarness.RunWithInputAsync(sandbox, null, Input(sandbox.Project), "statusline");
        var inOther = await CliHarness.RunWithInputAsync(sandbox, null, Input(other), "statusline");

        inProject.StdOut.ShouldStartWith("Max subscription");
        inOther.StdOut.ShouldStartWith("⚠ API key (.claude/settings.json) — expected subscription");
        inOther.StdOut.ShouldNotContain(key[^24..]);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not json at all")]
    [InlineData("{\"model\":\"opus\",\"workspace\":42}")]
    [InlineData("{\"cost\":{\"total_cost_usd\":\"lots\"}}")]
    [InlineData("[1,2,3]")]
    [InlineData("{\"workspace\":{\"current_dir\":\"relative/dir\"}}")]
    [InlineData("{\"workspace\":{\"current_dir\":\"/does/not/exist\"}}")]
    public async Task BadOrMissingInputStillPrintsTheBillingPart(string stdin)
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "max");

        var result = await CliHarness.RunWithInputAsync(sandbox, null, stdin, "statusline");

        result.ExitCode.ShouldBe(0);
        result.StdOut.ShouldBe("Max subscription\n");
        result.StdErr.ShouldBeEmpty();
    }

    [Fact]
    public async Task RepositorySettingsThatRedirectTheBaseUrlAreFlaggedEvenOnASubscription()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_BASE_URL", "https://collector.example.net"));

        var result = await CliHarness.RunWithInputAsync(sandbox, null, Input(sandbox.Project), "statusline");

        result.StdOut.ShouldStartWith("⚠ Max subscription — set by this repository");
    }

    [Fact]
    public void UsageNumbersAreRenderedWhenKnown()
    {
        var now = new DateTimeOffset(2026, 11, 25, 15, 0, 0, TimeSpan.Zero);
        var glance = new SessionBilling(Billing.Subscription, "Max subscription", Billing.Subscription, [], "SeatGuard's default");
        var usage = new StatusLineUsage(1_234_567, 3.4m, now.AddHours(2).AddMinutes(13), 5.1m);

        var line = StatusLine.Render(glance, new StatusLineInput(Cost: new StatusLineCost(9.99m)), usage, now);

        line.ShouldBe("Max subscription · block 1.2M tok $3.40 (2h13m left) · today $5.10");
    }

    [Theory]
    [InlineData(999, "999 tok")]
    [InlineData(12_345, "12.3k tok")]
    [InlineData(2_000_000, "2.0M tok")]
    public void TokensAreShortened(long tokens, string expected) => StatusLine.Tokens(tokens).ShouldBe(expected);

    [Fact]
    public void AFailingUsageSourceLeavesTheBillingPart()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "pro");

        var line = new StatusLine(new CredentialReader(NoKeychain.Instance), new ThrowingUsage()).Report(null, sandbox.Host(), null, DateTimeOffset.UtcNow).Line;

        line.ShouldBe("Pro subscription");
    }

    [Fact]
    public void AnInteractivelyRejectedKeyShowsWhatTheSessionReallyUses()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken(), subscriptionType: "max");
        sandbox.WriteJson(Path.Combine(sandbox.Home, ".claude.json"),
            new Dictionary<string, object> { ["customApiKeyResponses"] = new Dictionary<string, string[]> { ["approved"] = [], ["rejected"] = [key[^20..]] } });

        var line = new StatusLine(new CredentialReader(NoKeychain.Instance), new NoUsage()).Report(null, sandbox.Host(new() { ["ANTHROPIC_API_KEY"] = key }), null, DateTimeOffset.UtcNow).Line;

        line.ShouldBe("Max subscription");
    }

    private sealed class ThrowingUsage : IRecentUsageSource
    {
        public RecentUsage? Read(HostContext host, DateTimeOffset now) => throw new IOException("cache locked");
    }

    private sealed class NoUsage : IRecentUsageSource
    {
        public RecentUsage? Read(HostContext host, DateTimeOffset now) => null;
    }

    [Fact]
    public async Task JsonDescribesTheLineAndItsParts()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();

        var result = await CliHarness.RunWithInputAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = key }, Input(sandbox.Project), "statusline", "--json");

        result.ExitCode.ShouldBe(0);
        var json = System.Text.Json.JsonDocument.Parse(result.StdOut).RootElement;
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        json.GetProperty("billing").GetString().ShouldBe("API key (env)");
        json.GetProperty("warning").GetBoolean().ShouldBeTrue();
        json.GetProperty("directory").GetString().ShouldBe(sandbox.Project);
        json.GetProperty("line").GetString()!.ShouldStartWith("⚠ API key (env)");
        result.StdOut.ShouldNotContain(key[^24..]);
    }
}

/// <summary>The plan's own limits from the status-line input's rate_limits (shapes measured on 2.1.330, and odd ones seen in the wild).</summary>
public sealed class StatusLineRateLimitTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    private static string Payload(string dir, string rateLimits) =>
        $$"""{"session_id":"s","cwd":"{{dir}}","model":{"id":"claude-sonnet-5-5","display_name":"Sonnet 5.5"},"workspace":{"current_dir":"{{dir}}"},"version":"2.1.330","rate_limits":{{rateLimits}}}""";

    private static long Epoch(TimeSpan from) => Now.Add(from).ToUnixTimeSeconds();

    [Fact]
    public void BothWindowsWithPacingFromClaudesShape()
    {
        var (input, limits) = StatusLineInput.Read(Payload("/w", $$$"""{"five_hour":{"used_percentage":42,"resets_at":{{{Epoch(TimeSpan.FromHours(2))}}}},"seven_day":{"used_percentage":41,"resets_at":{{{Epoch(TimeSpan.FromDays(3))}}}}}"""), Now);
        input!.Model!.DisplayName.ShouldBe("Sonnet 5.5");
        limits!.FiveHour!.UsedPercentage.ShouldBe(42);
        limits.FiveHour.ElapsedPercentage.ShouldBe(60);
        limits.SevenDay!.ElapsedPercentage!.Value.ShouldBe(57.1, 0.05);
        limits.SevenDay.RunsOutBeforeReset.ShouldBeFalse();
        StatusLine.Window("seven_day", limits.SevenDay, Now).ShouldBe("7d 41% · 57% of the week gone");
    }

    [Fact]
    public void WarnsWhenThePaceRunsOutBeforeTheReset()
    {
        var (_, limits) = StatusLineInput.Read(Payload("/w", $$$"""{"seven_day":{"used_percentage":80,"resets_at":{{{Epoch(TimeSpan.FromDays(3))}}}}}"""), Now);
        limits!.SevenDay!.RunsOutBeforeReset.ShouldBeTrue();
        var part = StatusLine.Window("seven_day", limits.SevenDay, Now);
        part.ShouldStartWith("⚠ 7d 80% · 57% of the week gone");
        part.ShouldContain("at this pace used up in 1d0h, before the reset in 3d0h");
    }

    [Theory]
    [InlineData("""{"five_hour":{"used_percentage":"42","resets_at":"2026-12-01T14:00:00Z"}}""", 42, true)]
    [InlineData("""{"five_hour":{"used_percentage":42.5,"resets_at":"1796133600"}}""", 42.5, true)]
    [InlineData("""{"five_hour":{"used_percentage":42,"resets_at":1796133600000}}""", 42, true)]
    [InlineData("""{"five_hour":{"used_percentage":42}}""", 42, false)]
    [InlineData("""{"five_hour":{"used_percentage":140,"resets_at":null}}""", 100, false)]
    public void OddTypesAreReadWhereTheyMeanSomething(string rateLimits, double used, bool resetKnown)
    {
        var (_, limits) = StatusLineInput.Read(Payload("/w", rateLimits), Now);
        limits!.FiveHour!.UsedPercentage.ShouldBe(used);
        (limits.FiveHour.ResetsAt is not null).ShouldBe(resetKnown);
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"full\"")]
    [InlineData("{}")]
    [InlineData("""{"five_hour":{"used_percentage":"lots"},"seven_day":7}""")]
    [InlineData("""{"five_hour":{"resets_at":1796133600}}""")]
    public void NonsenseIsNoRateLimitsAndNoCrash(string rateLimits) => StatusLineInput.Read(Payload("/w", rateLimits), Now).Limits.ShouldBeNull();

    [Fact]
    public void AnOddFieldElsewhereDoesNotLoseTheLimits()
    {
        var (input, limits) = StatusLineInput.Read("""{"workspace":42,"rate_limits":{"five_hour":{"used_percentage":5,"resets_at":1796133600}}}""", Now);
        input.ShouldBeNull();
        limits!.FiveHour!.UsedPercentage.ShouldBe(5);
    }

    [Fact]
    public async Task TheLineSaysConfirmedByClaudeCodeAndJsonAddsTheFields()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        var reset5 = DateTimeOffset.UtcNow.AddHours(2).ToUnixTimeSeconds();
        var stdin = Payload(sandbox.Project, $$$"""{"five_hour":{"used_percentage":42,"resets_at":{{{reset5}}}},"seven_day":{"used_percentage":10,"resets_at":{{{reset5 + 86400}}}}}""");

        // A hook sees no token (Claude Code hides it): rate_limits are the proof the session bills the subscription.
        var hidden = await CliHarness.RunWithInputAsync(sandbox, new() { ["CLAUDECODE"] = "1" }, stdin, "statusline");
        hidden.StdOut.ShouldStartWith("subscription (confirmed by Claude Code) · Sonnet 5.5 · 5h 42% · ");
        hidden.StdOut.ShouldContain("7d 10%");

        var json = await CliHarness.RunWithInputAsync(sandbox, new() { ["CLAUDECODE"] = "1" }, stdin, "statusline", "--json");
        var root = System.Text.Json.JsonDocument.Parse(json.StdOut).RootElement;
        root.GetProperty("confirmedByClaudeCode").GetBoolean().ShouldBeTrue();
        root.GetProperty("verdict").GetString().ShouldBe("subscription");
        root.GetProperty("rateLimits").GetProperty("fiveHour").GetProperty("usedPercentage").GetDouble().ShouldBe(42);
        root.GetProperty("rateLimits").GetProperty("sevenDay").GetProperty("resetsAt").GetString().ShouldNotBeNull();

        // Without rate_limits nothing is claimed.
        var plain = await CliHarness.RunWithInputAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = key }, Payload(sandbox.Project, "null"), "statusline", "--json");
        System.Text.Json.JsonDocument.Parse(plain.StdOut).RootElement.GetProperty("confirmedByClaudeCode").GetBoolean().ShouldBeFalse();
    }
}
