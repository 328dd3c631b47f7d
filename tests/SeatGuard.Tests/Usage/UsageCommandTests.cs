using System.CommandLine;
using System.Text.Json;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;

namespace SeatGuard.Tests.Usage;

/// <summary>The CLI in-process, on a sandbox host (never this machine's HOME).</summary>
public sealed class UsageCommandTests : IDisposable
{
    private readonly TranscriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task<(int Exit, string Out, string Err)> Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, color: false);
        var host = _sandbox.Host;
        var context = new CliContext(terminal, new SeatGuard.Core.Services.SeatGuardServices(host, TimeProvider.System,
            new SeatGuard.Core.Common.Processes.SystemCommandRunner(), new SeatGuard.Core.Common.Processes.SystemProcessLauncher(Stream.Null), SeatGuard.Core.Credentials.NoKeychain.Instance));
        int exit = await SeatGuard.Cli.CliApp.RunAsync(args[0] == "usage" ? args : ["usage", .. args], context);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [InlineData("daily", "--since", "2025-13-01")]
    [InlineData("daily", "--until", "yesterday")]
    [InlineData("daily", "--timezone", "Mars/Olympus")]
    [InlineData("blocks", "--token-limit", "lots")]
    [InlineData("daily", "--cost-mode", "cheap")]
    [InlineData("daily", "--plan", "gold")]
    [InlineData("weekly", "--start-of-week", "someday")]
    public async Task BadInputIsOneLineOnStderrAndExitTwo(params string[] args)
    {
        var (exit, stdout, stderr) = await Run(["usage", .. args]);
        exit.ShouldBe(ExitCodes.BadUsage);
        stdout.ShouldBeEmpty();
        stderr.Trim().Split('\n').Length.ShouldBe(1, stderr);
        stderr.ShouldStartWith("seatguard: ");
    }

    [Fact]
    public async Task DailyJsonUsesCcusageFieldNamesAndMalformedLinesGoToStderr()
    {
        _sandbox.Write("-home-me-app/s1.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 10, output: 100, cacheRead: 300_000), "{oops");
        var (exit, stdout, stderr) = await Run("usage", "daily", "--json", "--timezone", "UTC", "--no-cache", "--by-project", "--plan", "pro");
        exit.ShouldBe(0, stderr);
        stderr.ShouldContain("1 malformed transcript line");
        using var doc = JsonDocument.Parse(stdout);
        var day = doc.RootElement.GetProperty("daily")[0];
        foreach (var name in new[] { "date", "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens", "totalCost", "modelsUsed", "modelBreakdowns" })
            day.TryGetProperty(name, out _).ShouldBeTrue(name);
        day.GetProperty("totalCost").GetDouble().ShouldBe(0.18231, 1e-12);
        var breakdown = day.GetProperty("modelBreakdowns")[0];
        foreach (var name in new[] { "modelName", "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "cost" })
            breakdown.TryGetProperty(name, out _).ShouldBeTrue(name);
        var totals = doc.RootElement.GetProperty("totals");
        totals.GetProperty("totalTokens").GetInt64().ShouldBe(300_110);
        doc.RootElement.GetProperty("projects")[0].GetProperty("project").GetString().ShouldBe("-home-me-app");
        doc.RootElement.GetProperty("plan").GetProperty("monthlyUsd").GetDouble().ShouldBe(20);
    }

    [Fact]
    public async Task CcusageCostModeAndCsv()
    {
        _sandbox.Write("p/s1.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 10, output: 100, cacheRead: 300_000));
        var (_, json, _) = await Run("usage", "monthly", "--json", "--cost-mode", "ccusage", "--timezone", "UTC", "--no-cache");
        JsonDocument.Parse(json).RootElement.GetProperty("monthly")[0].GetProperty("totalCost").GetDouble().ShouldBe(0.12153, 1e-12);
        var (exit, csv, _) = await Run("usage", "daily", "--csv", "--timezone", "UTC", "--no-cache");
        exit.ShouldBe(0);
        csv.Split('\n')[0].ShouldBe("date,inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,totalCost,modelsUsed");
        csv.Split('\n')[1].ShouldStartWith("2025-11-20,10,100,0,300000,300110,0.18231");
    }

    [Fact]
    public async Task SessionAndBlocksJsonAndHumanTables()
    {
        _sandbox.Write("p/s1.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 1), Lines.Assistant("2025-11-21T10:00:00Z", "m2", "r2", input: 2));
        using (var doc = JsonDocument.Parse((await Run("usage", "session", "--json", "--no-cache")).Out))
            doc.RootElement.GetProperty("sessions")[0].GetProperty("sessionId").GetString().ShouldBe("s1");
        using (var doc = JsonDocument.Parse((await Run("usage", "blocks", "--json", "--no-cache")).Out))
        {
            var blocks = doc.RootElement.GetProperty("blocks");
            blocks.GetArrayLength().ShouldBe(3);
            blocks[1].GetProperty("isGap").GetBoolean().ShouldBeTrue();
            blocks[0].GetProperty("tokenCounts").GetProperty("cacheCreationInputTokens").GetInt64().ShouldBe(0);
        }
        var (exit, table, _) = await Run("usage", "daily", "--breakdown", "--timezone", "UTC", "--no-cache");
        exit.ShouldBe(0);
        table.ShouldContain("2025-11-21");
        table.ShouldContain("Total");
    }
}
