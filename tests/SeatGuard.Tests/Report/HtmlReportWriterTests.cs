using SeatGuard.Core.Credentials;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using SeatGuard.Core.Common;
using SeatGuard.Core.Report;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Report;

public sealed class HtmlReportWriterTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private static readonly string[] AllSections =
        [HtmlReportWriter.DailyId, HtmlReportWriter.BlocksId, HtmlReportWriter.MonthId, HtmlReportWriter.VerdictId, HtmlReportWriter.BeneficiaryId, HtmlReportWriter.ScanId];

    [Fact]
    public void TheBlocksSectionShowsThePlansOwnWindowsAndPaceBesideTheEstimates()
    {
        var now = ReportSamples.Now;
        var windows = new[]
        {
            new SeatGuard.Core.Ledger.PlanWindowState("five_hour", 0.42, now.AddHours(2), "allowed", false, now.AddMinutes(-5)),
            new SeatGuard.Core.Ledger.PlanWindowState("seven_day", 0.8, now.AddDays(3), "allowed", false, now.AddMinutes(-5)),
        };
        var data = ReportSamples.Full() with { Ledger = SourceResult<LedgerReport>.Found(ReportSamples.Ledger() with { PlanWindows = windows }) };
        var html = HtmlReportWriter.Render(data).Html;
        var blocks = html[html.IndexOf($"id=\"{HtmlReportWriter.BlocksId}\"", StringComparison.Ordinal)..];
        blocks = blocks[..blocks.IndexOf("</section>", StringComparison.Ordinal)];
        blocks.ShouldContain("The plan's own limits, as Claude Code last reported them");
        blocks.ShouldContain("five_hour");
        blocks.ShouldContain("42%");
        blocks.ShouldContain("seven_day");
        blocks.ShouldContain("runs out before the reset at this pace");
    }

    [Fact]
    public void GeneratedDataFillsEverySectionWithAChartCaptionAndTable()
    {
        var report = HtmlReportWriter.Render(ReportSamples.Full());

        report.Sections.Select(s => s.Id).ShouldBe(AllSections);
        report.Sections.ShouldAllBe(s => s.HasData && s.Missing == null);
        foreach (var id in AllSections)
        {
            var section = SectionHtml(report.Html, id);
            section.ShouldContain($"<svg class=\"chart\" id=\"{id}-chart\"");
            section.ShouldContain($"<title id=\"{id}-chart-title\">");
            section.ShouldContain($"<desc id=\"{id}-chart-desc\">");
            section.ShouldContain("<figcaption>");
            section.ShouldContain("<table>");
            Regex.Count(section, "class=\"mark\"").ShouldBeGreaterThan(0, id);
        }
        // One bar segment per day and model that has tokens.
        Regex.Count(SectionHtml(report.Html, HtmlReportWriter.DailyId), "<rect class=\"mark\"").ShouldBe(ReportSamples.Usage().Daily.Count);
        SectionHtml(report.Html, HtmlReportWriter.MonthId).ShouldContain("the Max 20x plan price of $200");
        SectionHtml(report.Html, HtmlReportWriter.ScanId).ShouldContain("3 red");
    }

    [Fact]
    public void PageIsSelfContained()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Full()).Html;

        html.ShouldNotContain("<link", Case.Insensitive);
        html.ShouldNotContain("<img", Case.Insensitive);
        html.ShouldNotContain("src=", Case.Insensitive);
        html.ShouldNotContain("url(", Case.Insensitive);
        html.ShouldNotContain("@import", Case.Insensitive);
        html.ShouldNotContain("@font-face", Case.Insensitive);
        Regex.Matches(html, "https?://[^\"]*").Select(m => m.Value).Distinct().ShouldBe(["http://www.w3.org/2000/svg"]);
        html.ShouldContain("default-src 'none'");
    }

    [Fact]
    public void ContentSecurityPolicyAllowsExactlyTheInlineScript()
    {
        var html = HtmlReportWriter.Render(ReportSamples.Full()).Html;

        var scripts = Regex.Matches(html, "<script>(.*?)</script>", RegexOptions.Singleline);
        scripts.Count.ShouldBe(1);
        var hash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(scripts[0].Groups[1].Value)));
        html.ShouldContain($"script-src 'sha256-{hash}'");
    }

    [Fact]
    public void NoDataPageSaysWhatIsMissingAndHowToGetIt()
    {
        var report = HtmlReportWriter.Render(ReportSamples.Empty(Path.Combine(_sandbox.Root, "no-ledger.db")));

        report.Sections.ShouldAllBe(s => !s.HasData && !string.IsNullOrEmpty(s.Missing));
        report.Html.ShouldNotContain("<svg");
        report.Html.ShouldNotContain("<dl class=\"glance\">");
        SectionHtml(report.Html, HtmlReportWriter.DailyId).ShouldContain("No Claude Code transcripts were found");
        SectionHtml(report.Html, HtmlReportWriter.VerdictId).ShouldContain("No launches have been recorded yet");
        SectionHtml(report.Html, HtmlReportWriter.VerdictId).ShouldContain("<code>seatguard run -- …</code>");
        SectionHtml(report.Html, HtmlReportWriter.ScanId).ShouldContain("<code>--scan PATH</code>");
    }

    [Fact]
    public void NoScanRequestedSaysHowToIncludeOne()
    {
        var data = ReportSamples.Full() with { Scan = NoScanSource.Instance.Load() };

        var section = SectionHtml(HtmlReportWriter.Render(data).Html, HtmlReportWriter.ScanId);

        section.ShouldContain("No scan was included in this report.");
        section.ShouldContain("--scan PATH");
    }

    [Fact]
    public void EveryStringIsEscaped()
    {
        const string evil = "<script>alert(\"x\")</script>&'";
        var full = ReportSamples.Full();
        var ledger = full.Ledger.Data!;
        var data = full with
        {
            Usage = SourceResult<UsageSummary>.Found(full.Usage.Data! with { Daily = [new DailyModelUsage(ReportSamples.Period.From, evil, 10, 1m)] }),
            Ledger = SourceResult<LedgerReport>.Found(ledger with { Launches = [ledger.Launches[0] with { Beneficiary = evil, Command = evil }] }),
            Scan = SourceResult<ScanSummary>.Found(new ScanSummary(evil, ReportSamples.Now, [new FindingCount(Tier.Red, evil, 1)])),
        };

        var html = HtmlReportWriter.Render(data).Html;

        Regex.Count(html, "<script").ShouldBe(2); // the layout element and the measuring script, nothing injected
        html.ShouldNotContain("alert(\"x\")");
        html.ShouldContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;");
    }

    [Fact]
    public void NoTokenBodyAppearsEvenWhenLedgerCommandsCarriedTokens()
    {
        string[] tokens = [FakeTokens.ApiKey(), FakeTokens.OAuthToken(), FakeTokens.AdminKey()];
        var full = ReportSamples.Full(tokens);
        var data = full with { Scan = SourceResult<ScanSummary>.Found(new ScanSummary("/src", ReportSamples.Now, [new FindingCount(Tier.Red, "leak " + tokens[1], 1)])) };

        var html = HtmlReportWriter.Render(data).Html;

        foreach (var token in tokens) html.ShouldNotContain(token[16..]);
        html.ShouldContain(Redactor.Redact(tokens[0]));
        html.ShouldContain(Redactor.Redact(tokens[1]));
    }

    [Fact]
    public void ScrubbingTextTheLedgerAlreadyScrubbedKeepsItsFingerprint()
    {
        var token = FakeTokens.ApiKey();
        var once = Redactor.Scrub("claude --key " + token + " -p hi");

        ReportText.Scrub(once).ShouldBe(once);
        ReportText.Scrub("a " + token + " and " + once).ShouldBe(Redactor.Scrub("a " + token + " and ") + once);
    }

    [Theory]
    [InlineData(0, 1, 0.25)]
    [InlineData(37, 40, 10)]
    [InlineData(1_200_000, 1_500_000, 500_000)]
    [InlineData(9.85, 10, 2.5)]
    public void AxisScaleIsRound(double max, double expectedMax, double expectedStep)
    {
        var (top, step) = SvgChart.Scale(max);
        top.ShouldBe(expectedMax, 1e-6);
        step.ShouldBe(expectedStep, 1e-6);
    }

    [Fact]
    public void MonthBelowPlanPriceSaysAnApiKeyWouldHaveCostLess()
    {
        var full = ReportSamples.Full();
        var data = full with { Usage = SourceResult<UsageSummary>.Found(full.Usage.Data! with { Month = new MonthCost("2026-11", 42.5m, "Pro", 20m * 5) }) };

        var section = SectionHtml(HtmlReportWriter.Render(data).Html, HtmlReportWriter.MonthId);

        section.ShouldContain("would cost $42.50, less than the Pro plan price of $100");
        section.ShouldContain("API key would have cost less");
    }

    [Fact]
    public void LaunchesForSomeoneElseOnTheSubscriptionAreCalledOut()
    {
        var ledger = ReportSamples.Ledger();
        int expected = ledger.Launches.Count(l => l.Beneficiary != l.Owner && l.Verdict == Billing.Subscription);
        expected.ShouldBeGreaterThan(0);

        var section = SectionHtml(HtmlReportWriter.Render(ReportSamples.Full()).Html, HtmlReportWriter.BeneficiaryId);

        section.ShouldContain($"{expected} launches served someone else on the subscription: check them.");
    }

    [Fact]
    public void ManyBarsStayInsideThePlotAndLabelsDoNotCrowd()
    {
        var bars = Enumerable.Range(0, 400).Select(i => new ChartBar($"day {i}", [i + 1.0])).ToList();

        var svg = SvgChart.Columns("c", "t", "d", [new ChartSeries("s", "#000")], bars, v => v.ToString(System.Globalization.CultureInfo.InvariantCulture));

        var rects = Regex.Matches(svg, "<rect class=\"mark\" x=\"([0-9.]+)\" y=\"[0-9.]+\" width=\"([0-9.]+)\"");
        rects.Count.ShouldBe(400);
        rects.Max(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture) + double.Parse(m.Groups[2].Value, System.Globalization.CultureInfo.InvariantCulture)).ShouldBeLessThanOrEqualTo(960);
        Regex.Count(svg, "text-anchor=\"middle\"").ShouldBeLessThanOrEqualTo(20);
    }

    [Fact]
    public void BrokenLedgerBecomesAnExplanationNotACrash()
    {
        var path = Path.Combine(_sandbox.Root, "ledger.db");
        File.WriteAllText(path, new string('x', 200));

        var result = new LedgerReportSource(path).Load(ReportSamples.Period);

        result.Data.ShouldBeNull();
        result.Missing.ShouldNotBeNull().ShouldContain(path);
        result.Missing.ShouldContain("Move it aside");
    }

    internal static string SectionHtml(string html, string id)
    {
        var m = Regex.Match(html, $"<section id=\"{id}\".*?</section>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue($"section {id} missing");
        return m.Value;
    }
}
