using System.Text.Json;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>
/// Issue 14's named cases, end to end: `seatguard doctor --probe` (the real claude against the probe's own listener)
/// must give the verdict Claude Code acts on, the finding that explains it (with its severity and, for an ignored
/// file, the line and column), and the exit code the contract promises; the probe must agree with the static verdict.
/// </summary>
public sealed class DoctorFidelityTests
{
    private static async Task<(CliResult Result, JsonElement Json)> DoctorProbeAsync(SandboxHome sandbox, Dictionary<string, string> env)
    {
        var result = await CliHarness.RunAsync(sandbox, env, "doctor", "--probe", "--json", "--claude", ToolPaths.Claude);
        return (result, JsonDocument.Parse(result.StdOut).RootElement.Clone());
    }

    private static JsonElement Finding(JsonElement json, string id) =>
        json.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("id").GetString() == id);

    private static IEnumerable<string?> FindingIds(JsonElement json) =>
        json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString());

    private static void ProbeAgrees(JsonElement json, string observed)
    {
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe(observed, json.ToString());
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue(json.ToString());
        probe.GetProperty("reachedListener").GetBoolean().ShouldBe(observed != "none");
    }

    [Fact]
    public async Task SimpleModeWithAnOAuthTokenIsNoCredentialOnTheWireAndAnError()
    {
        using var sandbox = new SandboxHome();
        var (result, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_SIMPLE"] = "1", ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("none");
        Finding(json, "simple-mode").GetProperty("severity").GetString().ShouldBe("error");
        ProbeAgrees(json, "none");
        result.ExitCode.ShouldBe(1, result.ToString());
    }

    [Fact]
    public async Task BareIsAnsweredSeparatelyAndTheRealBareSendsNothing()
    {
        using var sandbox = new SandboxHome();
        var oauth = FakeTokens.OAuthToken();
        var (_, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth });
        var modes = json.GetProperty("modes").EnumerateArray().ToDictionary(m => m.GetProperty("mode").GetString()!, m => m.GetProperty("verdict").GetString());
        modes["print"].ShouldBe("subscription");
        modes["interactive"].ShouldBe("subscription");
        modes["bare"].ShouldBe("none");
        FindingIds(json).ShouldContain("bare-differs");
        ProbeAgrees(json, "oauth-token");

        // The bare answer against the real CLI: the same environment under --bare sends nothing.
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var bare = await ClaudeRunner.PingAsync(sandbox, standIn, new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth }, "--bare");
        standIn.MessageRequests.ShouldBeEmpty(bare.ToString());
        bare.ExitCode.ShouldNotBe(0);
    }

    /// <summary>Files Claude Code ignores; <c>^</c> marks where the parse fails (the reported line and column).</summary>
    public static TheoryData<string> IgnoredFiles() => new()
    {
        "{\n  ^// a comment\n  \"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\"}\n}\n",
        "{\"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\"},\n^}\n",
        "{\"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\",^}}",
        "{\"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\"}} ^/* trailing */",
    };

    [Theory]
    [MemberData(nameof(IgnoredFiles))]
    public async Task ASettingsFileClaudeCodeIgnoresIsReportedWithLineAndColumnAndContributesNothing(string marked)
    {
        using var sandbox = new SandboxHome();
        var text = marked.Replace("@KEY@", FakeTokens.ApiKey(), StringComparison.Ordinal);
        var before = text[..text.IndexOf('^')];
        int line = before.Count(c => c == '\n') + 1, column = before.Length - (before.LastIndexOf('\n') + 1) + 1;
        var path = sandbox.WriteText(sandbox.ProjectSettingsPath, text.Replace("^", "", StringComparison.Ordinal));
        var (_, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("subscription", json.ToString());
        Finding(json, "settings-file-ignored").GetProperty("location").GetString().ShouldBe($"{path}:{line}:{column}");
        FindingIds(json).ShouldNotContain("repo-settings-switch-billing");
        ProbeAgrees(json, "oauth-token");
    }

    [Fact]
    public async Task ASettingsFileWithAByteOrderMarkIsReadAndItsKeyBills()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteText(sandbox.UserSettingsPath, "\uFEFF{\"env\": {\"ANTHROPIC_API_KEY\": \"" + key + "\"}}");
        File.ReadAllBytes(sandbox.UserSettingsPath)[..3].ShouldBe(new byte[] { 0xEF, 0xBB, 0xBF });
        var (_, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        json.GetProperty("credential").GetProperty("fingerprint").GetString().ShouldBe(Redactor.Fingerprint(key));
        FindingIds(json).ShouldNotContain("settings-file-ignored");
        ProbeAgrees(json, "api-key");
    }

    public static TheoryData<string, string> DuplicateKeys() => new()
    {
        // A later "env" replaces the earlier one as a whole.
        { "{\"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\"}, \"env\": {}}", "subscription" },
        { "{\"env\": {}, \"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\"}}", "api-key" },
        // Inside env, the later value of the same variable wins.
        { "{\"env\": {\"ANTHROPIC_API_KEY\": \"@KEY@\", \"ANTHROPIC_API_KEY\": \"\"}}", "subscription" },
        { "{\"env\": {\"ANTHROPIC_API_KEY\": \"\", \"ANTHROPIC_API_KEY\": \"@KEY@\"}}", "api-key" },
    };

    [Theory]
    [MemberData(nameof(DuplicateKeys))]
    public async Task OfDuplicateKeysTheLastWins(string text, string verdict)
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, text.Replace("@KEY@", FakeTokens.ApiKey(), StringComparison.Ordinal));
        var (_, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe(verdict, json.ToString());
        FindingIds(json).ShouldNotContain("settings-file-ignored");
        ProbeAgrees(json, verdict == "api-key" ? "api-key" : "oauth-token");
    }

    [Fact]
    public async Task AnOAuthTokenInAnthropicApiKeyGoesOutAsXApiKeyAndIsAnError()
    {
        using var sandbox = new SandboxHome();
        var (result, json) = await DoctorProbeAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        Finding(json, "oauth-token-as-api-key").GetProperty("severity").GetString().ShouldBe("error");
        ProbeAgrees(json, "api-key");
        json.GetProperty("probe").GetProperty("apiKeySource").GetString().ShouldBe("ANTHROPIC_API_KEY");
        result.ExitCode.ShouldBe(1, result.ToString());
    }

    [Theory]
    [InlineData("exit 1", "api-key-helper-fails")]          // seen statically: the command fails
    [InlineData("true", "probe-empty-credential")]          // only the probe can see it print nothing
    public async Task AFailingOrEmptyHelperStillWinsWithAnEmptyCredentialAndIsAnError(string helper, string findingId)
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteUserSettings(new Dictionary<string, string> { ["apiKeyHelper"] = helper });
        sandbox.WriteLoginCredentials(FakeTokens.OAuthToken());
        var (result, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("credential").GetProperty("kind").GetString().ShouldBe(CredentialKind.ApiKeyHelper.Name());
        Finding(json, findingId).GetProperty("severity").GetString().ShouldBe("error");
        Finding(json, "probe-empty-credential").GetProperty("severity").GetString().ShouldBe("error");
        ProbeAgrees(json, CredentialKind.ApiKeyHelper.Name());
        json.GetProperty("probe").GetProperty("emptyCredential").GetBoolean().ShouldBeTrue();
        result.ExitCode.ShouldBe(1, result.ToString());
    }

    [Fact]
    public async Task ALiteralConfigDirWithACommaIsOneDirectory()
    {
        using var sandbox = new SandboxHome();
        var first = Path.Combine(sandbox.Root, "a");
        var literal = first + "," + Path.Combine(sandbox.Root, "b");
        var key = FakeTokens.ApiKey();
        sandbox.WriteText(Path.Combine(first, "settings.json"), "{\"env\": {\"ANTHROPIC_API_KEY\": \"" + FakeTokens.ApiKey() + "\"}}");
        sandbox.WriteText(Path.Combine(literal, "settings.json"), "{\"env\": {\"ANTHROPIC_API_KEY\": \"" + key + "\"}}");
        var (_, json) = await DoctorProbeAsync(sandbox, new() { ["CLAUDE_CONFIG_DIR"] = literal });
        json.GetProperty("credential").GetProperty("fingerprint").GetString().ShouldBe(Redactor.Fingerprint(key));
        ProbeAgrees(json, "api-key");
    }
}
