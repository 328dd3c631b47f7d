using System.Text.Json;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

public sealed class ReportAndCliTests : IDisposable
{
    private readonly SandboxHome _home = new();

    public void Dispose() => _home.Dispose();

    /// <summary>The CLI in-process on a sandbox HOME and environment, never the developer's.</summary>
    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var result = await CliHarness.RunAsync(_home, null, args);
        return (result.ExitCode, result.StdOut, result.StdErr);
    }

    [Fact]
    public async Task SarifHasTheFieldsGitHubCodeScanningRequires()
    {
        using var box = new ScanSandbox();
        box.Write("src/a b.py", $"x = 1\nT = '{FakeTokens.OAuthToken()}'\n");
        box.Write("Dockerfile", "FROM x\nENV CLAUDE_CODE_OAUTH_TOKEN=1\n");
        var (exit, output, _) = await Run("scan", box.Root, "--dir", box.Root, "--format", "sarif");
        exit.ShouldBe(1);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        root.GetProperty("version").GetString().ShouldBe("2.1.0");
        root.GetProperty("$schema").GetString().ShouldBe(SarifWriter.SchemaUri);
        var run = root.GetProperty("runs").EnumerateArray().ShouldHaveSingleItem();
        var driver = run.GetProperty("tool").GetProperty("driver");
        driver.GetProperty("name").GetString().ShouldBe("SeatGuard");
        var rules = driver.GetProperty("rules").EnumerateArray().ToList();
        rules.Count.ShouldBe(RuleBook.Load().Rules.Count);
        foreach (var rule in rules)
        {
            rule.GetProperty("id").GetString().ShouldNotBeNullOrEmpty();
            rule.GetProperty("shortDescription").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
            rule.GetProperty("help").GetProperty("text").GetString()!.ShouldContain("Fix:");
            rule.GetProperty("defaultConfiguration").GetProperty("level").GetString().ShouldBeOneOf("error", "warning", "note");
        }
        var results = run.GetProperty("results").EnumerateArray().ToList();
        results.Count.ShouldBe(2);
        var ids = rules.Select(r => r.GetProperty("id").GetString()).ToList();
        foreach (var r in results)
        {
            var ruleId = r.GetProperty("ruleId").GetString();
            ids[r.GetProperty("ruleIndex").GetInt32()].ShouldBe(ruleId);
            r.GetProperty("level").GetString().ShouldBe("error");
            r.GetProperty("message").GetProperty("text").GetString().ShouldNotBeNullOrEmpty();
            var loc = r.GetProperty("locations").EnumerateArray().ShouldHaveSingleItem().GetProperty("physicalLocation");
            loc.GetProperty("artifactLocation").GetProperty("uri").GetString().ShouldNotStartWith("/");
            loc.GetProperty("region").GetProperty("startLine").GetInt32().ShouldBe(2);
            r.GetProperty("partialFingerprints").GetProperty("seatguard/v1").GetString()!.Length.ShouldBe(20);
        }
        results.Select(r => r.GetProperty("locations")[0].GetProperty("physicalLocation").GetProperty("artifactLocation").GetProperty("uri").GetString())
               .Order().ShouldBe(["Dockerfile", "src/a%20b.py"]);
    }

    [Fact]
    public async Task JsonFollowsTheContract()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        box.Write("a.txt", token);
        var (exit, output, err) = await Run("scan", "--dir", box.Root, "--json");
        exit.ShouldBe(1, err);
        output.ShouldNotContain(token[13..40]);
        using var doc = JsonDocument.Parse(output);
        var f = doc.RootElement.GetProperty("findings").EnumerateArray().ShouldHaveSingleItem();
        foreach (var field in new[] { "rule", "tier", "path", "line", "column", "message", "fix", "fingerprint", "secret" }) f.TryGetProperty(field, out _).ShouldBeTrue(field);
        f.GetProperty("tier").GetString().ShouldBe("red");
        f.GetProperty("path").GetString().ShouldBe("a.txt");
        f.GetProperty("secret").GetString().ShouldBe(SeatGuard.Core.Common.Redactor.Redact(token));
        var stats = doc.RootElement.GetProperty("stats");
        stats.GetProperty("files").GetInt64().ShouldBe(1);
        stats.GetProperty("bytes").GetInt64().ShouldBe(token.Length);
        stats.GetProperty("seconds").ValueKind.ShouldBe(JsonValueKind.Number);
    }

    [Theory]
    [InlineData("red", 0)]
    [InlineData("gray", 1)]
    [InlineData("any", 1)]
    public async Task FailOnSetsTheExitCode(string failOn, int expected)
    {
        using var box = new ScanSandbox();
        box.Write("docker-compose.yml", "services:\n  a:\n    environment:\n      - CLAUDE_CODE_OAUTH_TOKEN\n");
        (await Run("scan", box.Root, "--fail-on", failOn, "--json")).Exit.ShouldBe(expected);
    }

    [Fact]
    public async Task GreenFindingFailsOnlyWithAny()
    {
        using var repo = new GitRepo();
        repo.Write(".github/workflows/claude.yml", LabeledCorpus.Workflow("push", ""));
        repo.Commit("ci");
        (await Run("scan", repo.Root, "--fail-on", "gray")).Exit.ShouldBe(0);
        (await Run("scan", repo.Root, "--fail-on", "any")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task TableGroupsByTierAndRedactsSecrets()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.ApiKey();
        box.Write("a.txt", token);
        box.Write("compose.yaml", "services:\n  a:\n    volumes:\n      - ~/.claude:/root/.claude\n");
        var (exit, output, _) = await Run("scan", "--dir", box.Root);
        exit.ShouldBe(1);
        output.ShouldContain("RED");
        output.ShouldContain("GRAY");
        output.IndexOf("RED", StringComparison.Ordinal).ShouldBeLessThan(output.IndexOf("GRAY", StringComparison.Ordinal));
        output.ShouldContain("anthropic-api-key");
        output.ShouldContain("claude-config-mounted-in-container");
        output.ShouldNotContain(token[13..40]);
        output.ShouldContain("1 red, 1 gray, 0 green in 2 files");
    }

    [Fact]
    public async Task WriteBaselineThenBaselineMakesTheScanPass()
    {
        using var box = new ScanSandbox();
        box.Write("src/a.txt", FakeTokens.OAuthToken());
        var baseline = Path.Combine(box.Root, "seatguard-baseline.json");
        var (exit, _, err) = await Run("scan", Path.Combine(box.Root, "src"), "--write-baseline", baseline);
        exit.ShouldBe(0);
        err.ShouldContain("wrote 1 finding(s)");
        (await Run("scan", Path.Combine(box.Root, "src"), "--baseline", baseline, "--json")).Exit.ShouldBe(0);
        box.Write("src/b.txt", FakeTokens.OAuthToken());
        (await Run("scan", Path.Combine(box.Root, "src"), "--baseline", baseline, "--json")).Exit.ShouldBe(1);
    }

    [Fact]
    public async Task BadInputIsOneStderrLineAndExit2()
    {
        using var box = new ScanSandbox();
        var badRules = box.Write("rules.yaml", "rules:\n  - id: x\n    tier: nope\n");
        var badBaseline = box.Write("b.json", "{");
        foreach (var args in new[]
                 {
                     new[] { "scan", Path.Combine(box.Root, "missing") },
                     new[] { "scan", box.Root, "--rules", badRules },
                     new[] { "scan", box.Root, "--baseline", badBaseline },
                 })
        {
            var (exit, output, err) = await Run(args);
            exit.ShouldBe(2, string.Join(' ', args));
            output.ShouldBeEmpty();
            err.Trim().Split('\n').ShouldHaveSingleItem().ShouldStartWith("seatguard: ");
        }
        (await Run("scan", box.Root, "--rules", badRules)).Err.ShouldContain(badRules + ":3:");
        var badFormat = await Run("scan", box.Root, "--format", "xml");
        badFormat.Exit.ShouldBe(2);
        badFormat.Err.ShouldStartWith("seatguard: ");
    }

    [Fact]
    public async Task ListRulesShowsEveryRule()
    {
        var (exit, output, _) = await Run("scan", "--list-rules");
        exit.ShouldBe(0);
        foreach (var rule in RuleBook.Load().Rules) output.ShouldContain(rule.Id);
    }
}
