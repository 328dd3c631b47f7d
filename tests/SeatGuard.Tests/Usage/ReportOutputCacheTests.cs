using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Usage;

public sealed class ReportOutputCacheTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private string Transcript => Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "s.jsonl");

    private string[] OutputFiles() => Directory.GetFiles(Path.Combine(_sandbox.Home, ".local", "share", "seatguard"), "usage-output-*.bin");

    private static long Total(CliResult r) => JsonDocument.Parse(r.StdOut).RootElement.GetProperty("totals").GetProperty("totalTokens").GetInt64();

    [Fact]
    public async Task UnchangedTranscriptsAreAnsweredFromTheCacheAndChangesAreNeverStale()
    {
        _sandbox.WriteText(Transcript, Lines.Assistant("2026-11-20T10:00:00.000Z", "msg_1", "req_1", input: 100) + "\n{broken\n");
        var first = await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--json");
        OutputFiles().Length.ShouldBe(1);
        var second = await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--json");
        second.StdOut.ShouldBe(first.StdOut);
        second.StdErr.ShouldBe(first.StdErr);
        second.StdErr.ShouldContain("1 malformed");

        File.AppendAllText(Transcript, Lines.Assistant("2026-11-21T10:00:00.000Z", "msg_2", "req_2", input: 50) + "\n");
        File.SetLastWriteTimeUtc(Transcript, DateTime.UtcNow.AddSeconds(5));
        Total(await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--json")).ShouldBe(150);

        var csv = await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--csv");
        csv.StdOut.ShouldStartWith("date,");
        var since = await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--json", "--since", "2026-11-21");
        Total(since).ShouldBe(50);
    }

    [Fact]
    public async Task NoCacheAndTimeDependentReportsBypassIt()
    {
        _sandbox.WriteText(Transcript, Lines.Assistant("2026-11-20T10:00:00.000Z", input: 100) + "\n");
        await CliHarness.RunAsync(_sandbox, null, "usage", "daily", "--json", "--no-cache");
        await CliHarness.RunAsync(_sandbox, null, "usage", "blocks", "--json");
        // The blocks run filled the usage cache (so the data directory exists) but stored no report output.
        OutputFiles().ShouldBeEmpty();
    }
}
