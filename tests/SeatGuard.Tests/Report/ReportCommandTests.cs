using System.Text.Json;
using SeatGuard.Core.Ledger;
using SeatGuard.Core.Report;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Report;

public sealed class ReportCommandTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private string OutFile => Path.Combine(_sandbox.Root, "out.html");
    private string LedgerPath => LedgerStore.DefaultPath(_sandbox.Host());

    private static LedgerEntry Entry(DateTimeOffset time, string beneficiary, string verdict, string command) =>
        new(0, time, command, "/w", beneficiary, "alice", "subscription", "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", "sha256:00000000",
            verdict, 0, "s", 0.02, 1, 2, 3, 4, false, null, null, null, null, null);

    [Fact]
    public async Task WritesThePageFromTheLedgerAndSummarisesItAsJson()
    {
        var token = FakeTokens.OAuthToken();
        using (var store = LedgerStore.Open(LedgerPath))
        {
            store.Append(Entry(new DateTimeOffset(2026, 11, 2, 9, 0, 0, TimeSpan.Zero), "alice", "subscription", "claude -p hi"));
            store.Append(Entry(new DateTimeOffset(2026, 11, 3, 9, 0, 0, TimeSpan.Zero), "review-bot", "api-key", "claude --settings {\"env\":{\"CLAUDE_CODE_OAUTH_TOKEN\":\"" + token + "\"}}"));
            store.Append(Entry(new DateTimeOffset(2026, 12, 3, 9, 0, 0, TimeSpan.Zero), "after-the-period", "api-key", "claude -p later"));
        }

        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", OutFile, "--since", "2026-11-01", "--until", "2026-11-30", "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var json = JsonDocument.Parse(r.StdOut);
        json.RootElement.GetProperty("file").GetString().ShouldBe(OutFile);
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("hasData").GetBoolean());
        sections[HtmlReportWriter.VerdictId].ShouldBeTrue();
        sections[HtmlReportWriter.BeneficiaryId].ShouldBeTrue();
        sections[HtmlReportWriter.DailyId].ShouldBeFalse();
        sections[HtmlReportWriter.ScanId].ShouldBeFalse();
        var html = await File.ReadAllTextAsync(OutFile);
        html.ShouldContain("Which bill each of the 2 launches hit: 1 on the subscription, 1 on an API key.");
        html.ShouldContain("review-bot");
        html.ShouldNotContain("after-the-period");
        html.ShouldNotContain(token[16..]);
        html.ShouldContain("Period 2026-11-01 to 2026-11-30 (UTC)");
    }

    [Fact]
    public async Task WithoutDataThePageStillGetsWrittenAndTheSummarySaysWhatIsMissing()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", OutFile);

        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain($"Wrote {OutFile} (0 of 6 sections with data");
        File.ReadAllText(OutFile).ShouldContain("No launches have been recorded yet");
        File.Exists(LedgerPath).ShouldBeFalse("the report must not create a ledger");
    }

    [Theory]
    [InlineData("--since", "2026-13-01", "--since must be a date as YYYY-MM-DD or YYYYMMDD, not '2026-13-01'")]
    [InlineData("--until", "yesterday", "--until must be a date as YYYY-MM-DD or YYYYMMDD, not 'yesterday'")]
    [InlineData("--scan", "/definitely/not/here", "--scan: '/definitely/not/here' does not exist")]
    public async Task BadInputIsOneLineAndExitTwo(string option, string value, string message)
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", OutFile, option, value);

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.TrimEnd().ShouldBe("seatguard: " + message);
        File.Exists(OutFile).ShouldBeFalse();
    }

    [Fact]
    public async Task SinceAfterUntilIsRejected()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", OutFile, "--since", "2026-11-10", "--until", "2026-11-01");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.TrimEnd().ShouldBe("seatguard: --since 2026-11-10 is after --until 2026-11-01");
    }

    [Fact]
    public async Task UnwritableFileIsOneLineAndExitTwo()
    {
        var target = Path.Combine(_sandbox.Root, "no-such-folder", "out.html");

        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", target);

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.TrimEnd().ShouldBe($"seatguard: cannot write {target}: its folder does not exist");
        r.StdOut.ShouldBeEmpty();
    }

    [Fact]
    public async Task CleanScanPathIsScannedAndCountsNothing()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", OutFile, "--scan", _sandbox.Project);

        r.ExitCode.ShouldBe(0, r.ToString());
        var section = HtmlReportWriterTests.SectionHtml(File.ReadAllText(OutFile), HtmlReportWriter.ScanId);
        section.ShouldNotContain("No data");
        section.ShouldContain(_sandbox.Project);
    }

    [Fact]
    public async Task HtmlOptionIsRequired()
    {
        var r = await CliHarness.RunAsync(_sandbox, null, "report");

        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain("--html");
    }
}

public sealed class ReportUsageTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task UsageSectionsComeFromTranscriptsCountedLikeSeatguardUsage()
    {
        var options = CorpusOptions.CcusageCompatible with { Start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero), Days = 10 };
        TranscriptCorpus.Generate(_sandbox.ClaudeDir, options);
        var file = Path.Combine(_sandbox.Root, "usage.html");

        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", file, "--since", "2026-11-01", "--until", "2026-11-30", "--plan", "max5", "--json");
        r.ExitCode.ShouldBe(0, r.ToString());
        using var json = JsonDocument.Parse(r.StdOut);
        var sections = json.RootElement.GetProperty("sections").EnumerateArray().ToDictionary(s => s.GetProperty("id").GetString()!, s => s.GetProperty("hasData").GetBoolean());
        sections[HtmlReportWriter.DailyId].ShouldBeTrue();

        // The month's cost on the page is the same number `seatguard usage monthly` reports.
        var monthly = await CliHarness.RunAsync(_sandbox, null, "usage", "monthly", "--json", "--since", "2026-11-01", "--until", "2026-11-30", "--no-cache");
        var cost = JsonDocument.Parse(monthly.StdOut).RootElement.GetProperty("totals").GetProperty("totalCost").GetDouble();
        cost.ShouldBeGreaterThan(0);
        File.ReadAllText(file).ShouldContain(cost.ToString("N2", System.Globalization.CultureInfo.InvariantCulture));
    }
}

public sealed class ReportScanTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public async Task ScanOptionIncludesAFreshScanCountedByTierWithoutSecrets()
    {
        var repo = Path.Combine(_sandbox.Root, "repo");
        var token = FakeTokens.OAuthToken();
        _sandbox.WriteText(Path.Combine(repo, "deploy.env"), "CLAUDE_CODE_OAUTH_TOKEN=" + token + "\n");
        var file = Path.Combine(_sandbox.Root, "scan.html");

        var r = await CliHarness.RunAsync(_sandbox, null, "report", "--html", file, "--scan", repo, "--json");

        r.ExitCode.ShouldBe(0, r.ToString());
        using var json = JsonDocument.Parse(r.StdOut);
        json.RootElement.GetProperty("sections").EnumerateArray()
            .Single(s => s.GetProperty("id").GetString() == HtmlReportWriter.ScanId).GetProperty("hasData").GetBoolean().ShouldBeTrue();
        var html = File.ReadAllText(file);
        html.ShouldContain("claude-oauth-token");
        html.ShouldNotContain(token[FakeTokens.OAuthPrefix.Length..]);
    }
}
