using SeatGuard.TestKit;
using Xunit.Abstractions;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// The issue-18 bar on both labelled corpora (the research set written beside the first rule proposals,
/// and a held-out set written independently): per-tier precision and recall at least 0.9 for red, gray
/// and green, judged by each file's highest high-confidence finding.
/// </summary>
public sealed class LabeledCorpusMetricsTests(ITestOutputHelper output)
{
    [Theory]
    [InlineData("research")]
    [InlineData("heldout")]
    public void PrecisionAndRecallPerTierAreAtLeastNinetyPercent(string corpus)
    {
        var result = ScanCorpus.Measure(corpus);
        output.WriteLine(result.Table());
        foreach (var tier in new[] { "red", "gray", "green" })
        {
            var t = result.Of(tier);
            t.Labeled.ShouldBeGreaterThan(0, $"{corpus} has no {tier} case");
            t.Precision.ShouldBeGreaterThanOrEqualTo(0.9, $"{corpus} {tier} precision\n{result.Table()}");
            t.Recall.ShouldBeGreaterThanOrEqualTo(0.9, $"{corpus} {tier} recall\n{result.Table()}");
        }
    }

    [Fact]
    public void CorporaParseWithLabelsAndTokenMarkers()
    {
        var research = ScanCorpus.Load("research");
        research.Count.ShouldBe(128);
        research.ShouldContain(e => e.Text.Contains("FAKE_TOKEN_OAT"));
        ScanCorpus.Load("heldout").Count.ShouldBeGreaterThanOrEqualTo(70);
    }
}
