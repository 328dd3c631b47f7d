using System.Buffers.Binary;
using System.Text.Json;
using System.Text.RegularExpressions;
using SeatGuard.Core.Report;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Report;

/// <summary>
/// Renders the report in a real browser: every chart is laid out at a readable size with visible marks,
/// the page's own script ran (so its Content-Security-Policy hash is right), and a screenshot is kept
/// under the test output (report-screenshots/) for a person to look at.
/// </summary>
public sealed class ReportBrowserTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private readonly HeadlessChromium _chromium = new();

    public void Dispose()
    {
        _chromium.Dispose();
        _sandbox.Dispose();
    }

    private sealed record ChartLayout(string Id, int Width, int Height, double ViewWidth, double ViewHeight, int Marks);

    private string Write(ReportData data, string name)
    {
        var file = Path.Combine(_sandbox.Root, name);
        File.WriteAllText(file, HtmlReportWriter.Render(data).Html);
        return file;
    }

    private static List<ChartLayout> Layout(string dom)
    {
        var m = Regex.Match(dom, "<script type=\"application/json\" id=\"seatguard-layout\">(.*?)</script>", RegexOptions.Singleline);
        m.Success.ShouldBeTrue("the layout element is missing from the rendered DOM");
        return JsonSerializer.Deserialize<List<ChartLayout>>(m.Groups[1].Value, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    [Fact]
    public async Task EveryChartIsRenderedAtAReadableSizeWithVisibleMarks()
    {
        var file = Write(ReportSamples.Full(), "report.html");

        var layout = Layout(await _chromium.DumpDomAsync(file));

        layout.Select(c => c.Id).ShouldBe(
        [
            HtmlReportWriter.DailyId + "-chart", HtmlReportWriter.BlocksId + "-chart", HtmlReportWriter.MonthId + "-chart",
            HtmlReportWriter.VerdictId + "-chart", HtmlReportWriter.BeneficiaryId + "-chart", HtmlReportWriter.ScanId + "-chart",
        ]);
        foreach (var chart in layout)
        {
            chart.Width.ShouldBeInRange(900, 960, chart.ToString()); // the page's 960px chart width at a 1280px window
            chart.Height.ShouldBeGreaterThanOrEqualTo(60, chart.ToString());
            ((double)chart.Height).ShouldBe(chart.Width * chart.ViewHeight / chart.ViewWidth, 2.0, chart.ToString()); // scaled, not squashed
            chart.Marks.ShouldBeGreaterThan(0, chart.ToString());
        }
        layout.Single(c => c.Id == HtmlReportWriter.DailyId + "-chart").Marks.ShouldBe(ReportSamples.Usage().Daily.Count);
    }

    [Fact]
    public async Task ScreenshotOfTheFullPageIsSavedUnderTheTestOutput()
    {
        var file = Write(ReportSamples.Full(), "report.html");

        var png = await _chromium.ScreenshotAsync(file, 1280, 2400);

        png.AsSpan(0, 8).ToArray().ShouldBe(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)).ShouldBe(1280);
        BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)).ShouldBe(2400);
        var dir = Path.Combine(AppContext.BaseDirectory, "report-screenshots");
        Directory.CreateDirectory(dir);
        await File.WriteAllBytesAsync(Path.Combine(dir, "report.png"), png);
        new FileInfo(Path.Combine(dir, "report.png")).Length.ShouldBeGreaterThan(20_000); // a blank page compresses to a few kB
    }

    [Fact]
    public async Task NoDataPageRendersItsExplanationsAndNoCharts()
    {
        var file = Write(ReportSamples.Empty(Path.Combine(_sandbox.Root, "missing.db")), "empty.html");

        var dom = await _chromium.DumpDomAsync(file);

        Layout(dom).ShouldBeEmpty();
        Regex.Count(dom, "<div class=\"nodata\">").ShouldBe(6);
        dom.ShouldContain("<code>--scan PATH</code>");
        var png = await _chromium.ScreenshotAsync(file, 1280, 1400);
        await File.WriteAllBytesAsync(Path.Combine(Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "report-screenshots")).FullName, "report-empty.png"), png);
    }
}
