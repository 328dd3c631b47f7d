using SeatGuard.Core.Credentials;
using SeatGuard.Core.Common;
using System.Text.RegularExpressions;
using SeatGuard.Core.Policy;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Policy;

/// <summary>The YAML examples in docs/policy.md stay valid against the code.</summary>
public sealed partial class PolicyDocsTests
{
    [GeneratedRegex("```yaml\n(.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();

    private static string[] Examples() =>
        YamlBlock().Matches(File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, "docs", "policy.md")).ReplaceLineEndings("\n"))
                   .Select(m => m.Groups[1].Value).ToArray();

    [Fact]
    public void OverrideExampleLoadsAndChangesTheBook()
    {
        var book = PolicyBookLoader.Load([(PolicyBookLoader.EmbeddedName, PolicyBookLoader.ReadEmbedded()), ("docs-example.yaml", Examples()[0])]);
        book.FindScenario("third-party-harness")!.Tier.ShouldBe(Tier.Red);
        book.FindScenario("nightly-digest")!.Tier.ShouldBe(Tier.Gray);
    }

    [Fact]
    public void ManifestExampleIsValid()
    {
        var decision = SetupManifest.Parse(Examples()[1], "docs-manifest.yaml").Decide(PolicyBookLoader.LoadEmbedded());
        decision.Tier.ShouldBe(Tier.Gray);
        decision.Scenario.ShouldBe("slack-bot-multiple-consumers");
    }
}
