using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

public sealed class RuleBookTests
{
    [Fact]
    public void BuiltInRulesHaveEveryFieldAndKebabCaseScenarios()
    {
        var rules = RuleBook.Load().Rules;
        rules.Count.ShouldBeGreaterThanOrEqualTo(16);
        rules.Select(r => r.Id).ShouldBeUnique();
        foreach (var r in rules)
        {
            r.Title.ShouldNotBeNullOrWhiteSpace();
            r.Message.ShouldNotBeNullOrWhiteSpace();
            r.Fix.ShouldNotBeNullOrWhiteSpace();
            r.Scenario.ShouldNotBeNull().ShouldMatch("^[a-z0-9]+(-[a-z0-9]+)*$");
            if (r.Detector == "pattern") r.Pattern.ShouldNotBeNull(); // built-in expressions are built lazily: build them here
            foreach (var x in r.RequiresAll.Concat(r.UnlessAny)) x.Value.ShouldNotBeNull();
        }
        rules.Select(r => r.Tier).Distinct().Count().ShouldBe(3);
    }

    [Fact]
    public void UserFileAddsAPatternRuleAndDisablesABuiltIn()
    {
        using var box = new ScanSandbox();
        var rulesFile = box.Write("my-rules.yaml", """
            disable: [claude-oauth-token]
            rules:
              - id: internal-gateway-token
                tier: gray
                title: Internal gateway token
                message: A gateway token is committed.
                fix: Move it to the vault.
                scenario: internal-team-tool
                detector: pattern
                keywords: [gw-]
                pattern: '\bgw-[A-Za-z0-9_-]{40}\b'
            """);
        box.Write("a.txt", $"{FakeTokens.GatewayToken()}\n{FakeTokens.OAuthToken()}\n");
        var report = box.Scan(RuleBook.Load(rulesFile));
        var f = report.Findings.Where(x => x.Path == "a.txt").ShouldHaveSingleItem();
        (f.Rule, f.Tier.Name(), f.Line).ShouldBe(("internal-gateway-token", "gray", 1));
    }

    [Fact]
    public void UserRuleWithABuiltInIdReplacesIt()
    {
        using var box = new ScanSandbox();
        var rulesFile = box.Write("r.yaml", """
            rules:
              - id: claude-oauth-token
                tier: gray
                title: t
                message: m
                fix: f
                detector: token
                keywords: ['sk-ant-oat01-']
                prefix: 'sk-ant-oat01-'
                min: 80
                max: 120
            """);
        box.Write("a.txt", FakeTokens.OAuthToken());
        box.Scan(RuleBook.Load(rulesFile)).Findings.Where(f => f.Path == "a.txt").ShouldHaveSingleItem().Tier.Name().ShouldBe("gray");
    }

    [Theory]
    [InlineData("rules:\n  - id: x\n    tier: purple\n    title: t\n    message: m\n    fix: f\n    detector: pattern\n    keywords: [a]\n    pattern: a\n", ":3: tier must be red, gray or green")]
    [InlineData("rules:\n  - id: x\n    tier: red\n    title: t\n    message: m\n    fix: f\n    detector: pattern\n    keywords: [a]\n    pattern: '(unclosed'\n", ":9: bad regular expression")]
    [InlineData("rules:\n  - id: x\n    tier: red\n    title: t\n    fix: f\n    detector: pattern\n    keywords: [a]\n    pattern: a\n", ":2: rule is missing 'message'")]
    [InlineData("rules:\n  - id: x\n    tier: red\n    title: t\n    message: m\n    fix: f\n    detector: pattern\n    pattern: a\n", ":2: rule 'x' needs 'keywords'")]
    [InlineData("disable: [no-such-rule]\n", ":1: disable: no rule with id 'no-such-rule'")]
    [InlineData("rules: [\n  {id: x\n", ":")]
    [InlineData("rules:\n  - id: Bad_Id\n", ":2: rule id 'Bad_Id' must be kebab-case")]
    public void BadRulesFileNamesFileAndLine(string yaml, string expected)
    {
        using var box = new ScanSandbox();
        var path = box.Write("bad.yaml", yaml);
        var ex = Should.Throw<ScanInputException>(() => RuleBook.Load(path));
        ex.Message.ShouldStartWith(path + ":");
        ex.Message.ShouldContain(expected);
    }

    [Fact]
    public void MissingRulesFileIsBadInput()
    {
        Should.Throw<ScanInputException>(() => RuleBook.Load("/nonexistent/rules.yaml")).Message.ShouldContain("not found");
    }

    [Fact]
    public void PrefilterFoldsCommonPrefixesAndDropsKeywordsContainingShorterOnes()
    {
        var keywords = TestScanner.Create(RuleBook.Load()).Prefilter.Keywords;
        keywords.ShouldContain("claude");
        keywords.ShouldContain("sk-ant-");   // sk-ant-api03-, sk-ant-oat01-, … share their first six characters
        keywords.ShouldNotContain("sk-ant-oat01-");
        keywords.ShouldNotContain("claude-cli/"); // contains "claude"
        keywords.ShouldNotContain(k => k != "claude" && k.Contains("claude"));
        // The signs of an encoded token: "sk-ant-" in base64 at its three alignments, and JSON escapes.
        keywords.ShouldContain("\\u00");
        keywords.ShouldContain("c2styw50lw");
        keywords.ShouldContain("nrlwfudc1");
        keywords.ShouldContain("zay1hbnqt");
    }
}

public sealed class KeywordPrefilterTests
{
    private static readonly KeywordPrefilter Filter = new(["claude", "sk-ant-api03-", "sk-ant-oat01-", "ANTHROPIC_API_KEY"]);

    [Fact]
    public void FindsEveryNeedleAtEveryOffsetAndCase()
    {
        foreach (var needle in new[] { "claude", "CLAUDE", "Claude", "sk-ant-", "anthropic_api_key", "Anthropic_Api_Key" })
        {
            for (int at = 0; at + needle.Length <= 150; at++)
            {
                var bytes = System.Text.Encoding.ASCII.GetBytes(new string('x', at) + needle + new string('y', 150 - at - needle.Length));
                Filter.MayMatch(bytes).ShouldBeTrue($"{needle} at {at}");
            }
        }
    }

    [Fact]
    public void RejectsNearMissesAndFoldingArtefacts()
    {
        foreach (var text in new[] { "clauDx claud laude", "sk_ant- sk-an-t", "anthropic-", "CL\u0001UDE", new string('z', 500) })
        {
            Filter.MayMatch(System.Text.Encoding.UTF8.GetBytes(text + new string(' ', 40))).ShouldBeFalse(text);
            Filter.MayMatch(text).ShouldBeFalse(text);
        }
        Filter.Keywords.ShouldBe(["claude", "sk-ant-", "anthropic_api_key"]);
    }
}
