using SeatGuard.Core.Common;
using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Policy;

/// <summary><c>seatguard decide</c> and <c>seatguard policy</c> end to end: JSON, exit codes, errors.</summary>
public sealed class PolicyCliTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    /// <summary>
    /// Runs the CLI in-process on the sandbox HOME. Unless the test names its own --policy, an empty one is passed
    /// (discovery itself is tested on HostContext).
    /// </summary>
    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        if (!args.Contains("--policy") && args[0] is "decide" or "policy")
            args = [.. args, "--policy", _sandbox.WriteText(Path.Combine(_sandbox.Root, "empty-policy.yaml"), "")];
        var result = await CliHarness.RunAsync(_sandbox, null, args);
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    private static JsonElement Json(string text) => JsonDocument.Parse(text).RootElement;

    [Theory]
    [InlineData("yes,no,yes,no,no", 0, "green", "subscription", "q5")]
    [InlineData("no,yes,no,yes,no", 0, "gray", "api-key", "q1")]
    [InlineData("y,y,y,n,n", 0, "gray", "api-key", "q2")]
    [InlineData("yes,no,yes,no,yes", 1, "red", "stop", "q5")]
    public async Task AnswersGiveTheContractJsonAndExitCode(string answers, int exit, string tier, string credential, string decidedBy)
    {
        var (code, stdout, stderr) = await Run("decide", "--answers", answers, "--json");
        code.ShouldBe(exit);
        stderr.ShouldBeEmpty();
        var json = Json(stdout);
        json.GetProperty("tier").GetString().ShouldBe(tier);
        json.GetProperty("credential").GetString().ShouldBe(credential);
        json.GetProperty("decidedBy").GetString().ShouldBe(decidedBy);
        json.GetProperty("reason").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("sources").EnumerateArray().Select(s => s.GetString()).ShouldContain("https://code.claude.com/docs/en/legal-and-compliance");
        json.GetProperty("answers").GetProperty("q1").GetString().ShouldBeOneOf("yes", "no");
    }

    [Fact]
    public async Task HumanOutputShowsTierCredentialDecidedByReasonAndSources()
    {
        var (code, stdout, _) = await Run("decide", "--answers", "yes,no,yes,yes,no");
        code.ShouldBe(0);
        stdout.ShouldContain("GRAY");
        stdout.ShouldContain("api-key");
        stdout.ShouldContain("q4:");
        stdout.ShouldContain("reason");
        stdout.ShouldContain("Safe Use Without a Ban");
    }

    [Theory]
    [InlineData("yes,no")]
    [InlineData("yes,no,perhaps,no,no")]
    [InlineData("yes,no,yes,no,no,yes")]
    public async Task BadAnswersExitTwoWithOneLine(string answers)
    {
        var (code, stdout, stderr) = await Run("decide", "--answers", answers, "--json");
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.TrimEnd().Split('\n').Length.ShouldBe(1);
        stderr.ShouldStartWith("seatguard: --answers");
    }

    [Fact]
    public async Task NoInputOffATerminalExitsTwoExplainingTheOptions()
    {
        var (code, stdout, stderr) = await Run("decide");
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain("--answers");
        stderr.ShouldContain("--scenario");
        stderr.ShouldContain("--manifest");
    }

    [Fact]
    public async Task OnlyOneInputAtATime()
    {
        var (code, _, stderr) = await Run("decide", "--answers", "yes,no,yes,no,no", "--scenario", "reselling");
        code.ShouldBe(2);
        stderr.ShouldContain("choose one of");
    }

    [Theory]
    [MemberData(nameof(PolicyBookTests.RequiredScenarios), MemberType = typeof(PolicyBookTests))]
    public async Task EveryScenarioDecidesThroughTheCli(string id, Tier tier)
    {
        var (code, stdout, _) = await Run("decide", "--scenario", id, "--json");
        code.ShouldBe(tier == Tier.Red ? 1 : 0);
        var json = Json(stdout);
        json.GetProperty("tier").GetString().ShouldBe(tier.Name());
        json.GetProperty("decidedBy").GetString().ShouldBe("scenario:" + id);
        json.GetProperty("scenario").GetString().ShouldBe(id);
    }

    [Fact]
    public async Task UnknownScenarioExitsTwo()
    {
        var (code, _, stderr) = await Run("decide", "--scenario", "borrow-a-friends-seat");
        code.ShouldBe(2);
        stderr.ShouldContain("unknown scenario 'borrow-a-friends-seat'");
    }

    [Fact]
    public async Task ListScenariosAsTableAndJson()
    {
        var (code, stdout, _) = await Run("decide", "--list-scenarios");
        code.ShouldBe(0);
        stdout.ShouldContain("slack-bot-multiple-consumers");

        (code, stdout, _) = await Run("decide", "--list-scenarios", "--json");
        code.ShouldBe(0);
        var ids = Json(stdout).GetProperty("scenarios").EnumerateArray().Select(s => s.GetProperty("id").GetString()).ToArray();
        ids.Length.ShouldBe(SeatGuard.Core.Policy.PolicyBookLoader.LoadEmbedded().Scenarios.Count);
        ids.Length.ShouldBeGreaterThanOrEqualTo(15);
        ids.ShouldContain("extracting-tokens");
    }

    [Fact]
    public async Task ManifestIsEvaluatedAndMalformedOneExitsTwoWithFileAndLine()
    {
        var good = _sandbox.WriteText(Path.Combine(_sandbox.Project, "saas.yaml"),
            "name: tenant bot\nrunsFor: customers\nconsumers: customers\nwork: others\nharness: agent-sdk\ndeployedOn: saas\nusers: 50\n");
        var (code, stdout, _) = await Run("decide", "--manifest", good, "--json");
        code.ShouldBe(1);
        var json = Json(stdout);
        json.GetProperty("tier").GetString().ShouldBe("red");
        json.GetProperty("decidedBy").GetString().ShouldBe("q5");
        json.GetProperty("matches").EnumerateArray().Select(m => m.GetString()).ShouldBe(["product-users-hit-your-token", "multi-tenant-saas"]);

        var bad = _sandbox.WriteText(Path.Combine(_sandbox.Project, "bad.yaml"), "runsFor: me\nconsumers: me\nwork: mine\nharness: cursor\n");
        (code, stdout, var stderr) = await Run("decide", "--manifest", bad);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldContain(bad + ":4: 'harness' is 'cursor'");

        (code, _, stderr) = await Run("decide", "--manifest", Path.Combine(_sandbox.Project, "absent.yaml"));
        code.ShouldBe(2);
        stderr.ShouldContain("manifest not found");
    }

    [Fact]
    public async Task PolicyFileOverridesTheBookForDecideAndShow()
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Project, "policy.yaml"),
            "version: team-2026\nscenarios:\n  - id: third-party-harness\n    tier: red\n    credential: stop\n    why: Our company forbids it.\n");
        var (code, stdout, _) = await Run("decide", "--scenario", "third-party-harness", "--policy", file, "--json");
        code.ShouldBe(1);
        var json = Json(stdout);
        json.GetProperty("tier").GetString().ShouldBe("red");
        json.GetProperty("reason").GetString()!.ShouldContain("Our company forbids it.");
        json.GetProperty("policyVersion").GetString().ShouldBe("team-2026");

        (code, stdout, _) = await Run("policy", "show", "--policy", file);
        code.ShouldBe(0);
        stdout.ShouldContain("team-2026");
    }

    [Fact]
    public async Task MalformedPolicyFileExitsTwoWithFileAndLine()
    {
        var file = _sandbox.WriteText(Path.Combine(_sandbox.Project, "policy.yaml"), "scenarios:\n  - id: reselling\n    tier: orange\n");
        var (code, stdout, stderr) = await Run("decide", "--answers", "yes,no,yes,no,no", "--policy", file);
        code.ShouldBe(2);
        stdout.ShouldBeEmpty();
        stderr.ShouldBe($"seatguard: {file}:3: 'tier' is 'orange' (allowed: green, gray, red)" + Environment.NewLine);
    }

    [Fact]
    public async Task PolicyShowJsonIsTheWholeBook()
    {
        var (code, stdout, _) = await Run("policy", "show", "--json");
        code.ShouldBe(0);
        var json = Json(stdout);
        json.GetProperty("version").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("rule").GetProperty("summary").GetString().ShouldNotBeNullOrWhiteSpace();
        json.GetProperty("questions").GetArrayLength().ShouldBe(5);
        json.GetProperty("scenarios").GetArrayLength().ShouldBe(SeatGuard.Core.Policy.PolicyBookLoader.LoadEmbedded().Scenarios.Count);
        json.GetProperty("tiers").GetArrayLength().ShouldBe(3);
    }

    [Fact]
    public async Task PolicyShowReadsAsAPage()
    {
        var (code, stdout, _) = await Run("policy", "show");
        code.ShouldBe(0);
        stdout.ShouldContain("The rule");
        stdout.ShouldContain("The five questions");
        stdout.ShouldContain("pooled-subscription");
        stdout.ShouldContain("https://code.claude.com/docs/en/legal-and-compliance");
    }

    [Fact]
    public async Task PolicyHistoryListsDatedEvents()
    {
        var (code, stdout, _) = await Run("policy", "history", "--json");
        code.ShouldBe(0);
        var dates = Json(stdout).GetProperty("events").EnumerateArray().Select(e => e.GetProperty("date").GetString()).ToArray();
        dates.ShouldContain("2026-04-03");
        dates.ShouldContain("2026-04-09");

        (code, stdout, _) = await Run("policy", "history");
        code.ShouldBe(0);
        stdout.ShouldContain("2026-04-03");
        stdout.ShouldContain("third-party");
    }
}
