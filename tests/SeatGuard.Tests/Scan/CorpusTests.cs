using SeatGuard.Core.Common;
using SeatGuard.TestKit;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Scan;

namespace SeatGuard.Tests.Scan;

/// <summary>The scan-corpus bar: every labeled positive found where labeled, nothing else, no decoy.</summary>
public sealed class CorpusTests
{
    public static TheoryData<string> PositiveNames() => new(LabeledCorpus.Positives().Select(c => c.Name));

    public static TheoryData<string> DecoyNames() => new(LabeledCorpus.Decoys().Select(c => c.Name));

    [Theory]
    [MemberData(nameof(PositiveNames))]
    public void EachPositiveIsFoundByItsRuleAtItsLine(string name)
    {
        var c = LabeledCorpus.Positives().Single(x => x.Name == name);
        using var box = new ScanSandbox();
        box.Write(c.Path, c.Text);
        var findings = box.Scan().Findings;
        findings.Select(f => (f.Rule, f.Path, f.Line)).ShouldBe([(c.Rule!, c.Path, c.Line)]);
    }

    [Theory]
    [MemberData(nameof(DecoyNames))]
    public void EachDecoyIsNotReported(string name)
    {
        var c = LabeledCorpus.Decoys().Single(x => x.Name == name);
        using var box = new ScanSandbox();
        box.Write(c.Path, c.Text);
        box.Scan().Findings.ShouldBeEmpty();
    }

    [Fact]
    public void WholeCorpusHasFullRecallAndNoFalsePositives()
    {
        using var box = new ScanSandbox();
        foreach (var c in LabeledCorpus.All()) box.Write(c.Path, c.Text);
        var report = box.Scan();
        var expected = LabeledCorpus.Positives().Select(c => $"{c.Rule} {c.Path}:{c.Line}").Order().ToList();
        report.Findings.Select(f => $"{f.Rule} {f.Path}:{f.Line}").Order().ToList().ShouldBe(expected);
        report.Stats.Files.ShouldBe(LabeledCorpus.All().Count());
        report.Stats.Allowed.ShouldBe(1);
    }

    [Fact]
    public void EveryBuiltInRuleHasAPositiveCase()
    {
        var covered = LabeledCorpus.Positives().Select(c => c.Rule).ToHashSet();
        covered.UnionWith(RuleBook.Load().Rules.Where(r => r.Examples.Any(e => e.Hit)).Select(r => r.Id)); // RuleExampleTests
        covered.UnionWith(["workflow-oauth-shared-repo", "workflow-oauth-own-repo"]); // covered by WorkflowRepositoryTests with real git repositories
        RuleBook.Load().Rules.Select(r => r.Id).Where(id => !covered.Contains(id)).ShouldBeEmpty();
    }

    [Fact]
    public void NoOutputContainsATokenBody()
    {
        using var box = new ScanSandbox();
        var cases = LabeledCorpus.Positives().ToList();
        foreach (var c in cases) box.Write(c.Path, c.Text);
        var scanner = TestScanner.Create(RuleBook.Load());
        var report = scanner.Scan(new ScanOptions { Paths = [box.Root], RelativeTo = box.Root });
        var outputs = new[] { JsonText.Serialize(report, ScanJson.Default.ScanReport), JsonText.Serialize(SarifWriter.Build(report, scanner.Rules, "0.0.0"), ScanJson.Default.SarifLog) };
        var bodies = TokenBodies(cases.Select(c => c.Text)).ToList();
        bodies.Count.ShouldBe(5);
        foreach (var output in outputs)
        {
            foreach (var body in bodies) output.ShouldNotContain(body[..16]);
        }
        report.Findings.Where(f => f.Secret is not null).ShouldAllBe(f => f.Secret!.Contains("…(sha256:"));
    }

    internal static IEnumerable<string> TokenBodies(IEnumerable<string> texts)
    {
        foreach (var text in texts)
        {
            for (int i = text.IndexOf("sk-ant-", StringComparison.Ordinal); i >= 0; i = text.IndexOf("sk-ant-", i + 1, StringComparison.Ordinal))
            {
                int start = text.IndexOf('-', i + 7) + 1, end = start;
                while (end < text.Length && TokenShapes.IsTokenChar(text[end])) end++;
                if (end - start >= 80) yield return text[start..end];
            }
        }
    }
}
