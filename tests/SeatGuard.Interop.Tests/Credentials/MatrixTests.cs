using System.Diagnostics;
using System.Text.Json;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Credentials.Probe;
using SeatGuard.TestKit;
using Xunit.Abstractions;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>
/// `doctor --probe --matrix`: every environment of the model's matrix, run against the real Claude Code — once
/// through the command itself (which must report full agreement), and once each against the tests' own stand-in
/// (Kestrel, independent of the probe's listener and attribution), comparing the raw headers with the prediction.
/// </summary>
public sealed class MatrixTests(ITestOutputHelper output)
{
    [Fact]
    public async Task MatrixCommandReportsFullAgreementWithThePinnedClaude()
    {
        using var sandbox = new SandboxHome();
        var watch = Stopwatch.StartNew();
        var result = await CliHarness.RunAsync(sandbox, new(), "doctor", "--probe", "--matrix", "--json", "--claude", ToolPaths.Claude);
        output.WriteLine($"matrix: {watch.Elapsed.TotalSeconds:0.0} s");
        output.WriteLine(result.StdOut);
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        json.GetProperty("claudeVersion").GetString().ShouldBe(ToolPaths.ClaudeVersion);
        var environments = json.GetProperty("environments").EnumerateArray().ToList();
        environments.Count.ShouldBeGreaterThanOrEqualTo(30);
        json.GetProperty("total").GetInt32().ShouldBe(environments.Count);
        var disagreeing = environments.Where(e => !e.GetProperty("agrees").GetBoolean()).Select(e => e.GetProperty("name").GetString()).ToList();
        disagreeing.ShouldBeEmpty();
        json.GetProperty("agreed").GetInt32().ShouldBe(environments.Count);
        result.ExitCode.ShouldBe(0, result.StdErr);
        foreach (var e in environments)
        {
            var predicted = e.GetProperty("predicted");
            BillingNames.TryParse(predicted.GetProperty("kind").GetString(), out CredentialKind _).ShouldBeTrue();
            predicted.GetProperty("source").GetString().ShouldNotBeNull();
            predicted.GetProperty("verdict").GetString().ShouldNotBeNull();
            var observed = e.GetProperty("observed");
            observed.TryGetProperty("apiKeySource", out _).ShouldBeTrue();
            BillingNames.TryParse(observed.GetProperty("credential").GetString(), out CredentialKind _).ShouldBeTrue();
            observed.TryGetProperty("secondCredential", out _).ShouldBeTrue();
        }
        // Fake tokens only: the report holds kinds and sources, never a token.
        result.StdOut.ShouldNotContain(TokenShapes.OAuthAccessPrefix);
        result.StdOut.ShouldNotContain(TokenShapes.ApiKeyPrefix);
    }

    [Fact]
    public async Task MatrixLeavesTheCallersHomeAlone()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteUserSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));
        var before = File.ReadAllText(sandbox.UserSettingsPath);
        var result = await CliHarness.RunAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = key }, "doctor", "--probe", "--matrix", "--json", "--claude", ToolPaths.Claude);
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        // The caller's key is in the environment and in user settings; were it inherited, "nothing" would not be nothing.
        var nothing = json.GetProperty("environments").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "nothing");
        nothing.GetProperty("observed").GetProperty("credential").GetString().ShouldBe("none");
        File.ReadAllText(sandbox.UserSettingsPath).ShouldBe(before);
        Directory.GetFileSystemEntries(sandbox.Home).Select(Path.GetFileName).ShouldBe([".claude"], ignoreOrder: true);
    }

    public static TheoryData<string> EnvironmentNames() => new(MatrixEnvironments.All.Select(e => e.Name));

    [Theory]
    [MemberData(nameof(EnvironmentNames))]
    public async Task PredictionEqualsWhatReachesTheIndependentStandIn(string name)
    {
        var environment = MatrixEnvironments.All.Single(e => e.Name == name);
        using var root = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        using var s = new MatrixSandbox(root.Root, name, standIn.BaseUrl, Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin", HostOs.Linux);
        environment.Setup(s);
        var env = ProbeLaunch.Environment(s.Env, standIn.BaseUrl);
        var flag = SettingsLayer.FromObject(SettingsScope.Flag, "--settings", s.Flag);
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(new HostContext(env, s.Home, s.Project, HostOs.Linux), null, [flag]);
        var predicted = BillingResolver.Resolve(inventory, s.Args.Contains("--bare") ? StartMode.Bare : StartMode.Print);

        var (file, args) = s.Command(ToolPaths.Claude, [.. ProbeLaunch.PingArguments, "--settings", s.Flag.ToJsonString(), .. s.Args]);
        var result = await ProcessRunner.RunAsync(file, args, env, s.Project, timeout: TimeSpan.FromSeconds(60));
        output.WriteLine(Redactor.Scrub(result.ToString()));

        var planted = new Dictionary<string, CredentialKind>(s.Planted);
        foreach (var minted in standIn.Minted) planted[Redactor.Fingerprint(minted)] = CredentialKind.Federation;
        var wire = standIn.MessageRequests.FirstOrDefault();
        switch (predicted.Winner.Kind)
        {
            case CredentialKind.None:
                wire.ShouldBeNull();
                return;
            case CredentialKind.Cloud:
                standIn.Requests.ShouldContain(r => r.Path.StartsWith("/bedrock/", StringComparison.Ordinal));
                wire.ShouldBeNull();
                return;
        }
        wire.ShouldNotBeNull(result.ToString());
        var apiKey = wire.ApiKey?.Trim();
        var bearer = wire.Authorization is { } a ? (a.StartsWith("Bearer", StringComparison.Ordinal) ? a[6..] : a).Trim() : null;
        var first = apiKey ?? bearer;
        if (predicted.Winner.Fingerprint is { } fp) Redactor.Fingerprint(first!).ShouldBe(fp);
        else if (first is { Length: > 0 } value) planted.GetValueOrDefault(Redactor.Fingerprint(value)).ShouldBe(predicted.Winner.Kind);
        else predicted.Winner.Kind.ShouldBe(CredentialKind.ApiKeyHelper); // an empty credential: only a failing helper sends one
        bool second = apiKey is not null && bearer is not null && bearer != apiKey;
        second.ShouldBe(predicted.AlsoSent.Count > 0);
        // A rate_limit_event comes when Claude Code itself holds a subscription credential (or is on the Cloud gateway);
        // a credential header injected through ANTHROPIC_CUSTOM_HEADERS does not change what Claude Code believes.
        bool rateLimitEvent = result.StdOut.Contains("\"rate_limit_event\"", StringComparison.Ordinal);
        if (inventory.CustomCredentialHeaders.Count == 0)
            rateLimitEvent.ShouldBe(predicted.Verdict == Billing.Subscription || predicted.Winner.Kind == CredentialKind.AuthToken && inventory.GatewayMode);
    }
}
