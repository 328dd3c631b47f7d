using System.CommandLine;
using System.Text.Json;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

/// <summary>The CLI in-process, on a sandbox host (never this machine's HOME).</summary>
public sealed class UsageCommandTests : IDisposable
{
    private readonly TranscriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => RunWide(200, args);

    private async Task<(int Exit, string Out, string Err)> RunWide(int width, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, color: false) { Width = width };
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
    [InlineData("daily", "--order", "sideways")]
    [InlineData("daily", "--mode", "guess")]
    [InlineData("daily", "--last", "0")]
    [InlineData("daily", "--last", "2", "--since", "20251101")]
    [InlineData("blocks", "--session-length", "0.1")]
    [InlineData("blocks", "--session-length", "2.1")]
    [InlineData("daily", "--project-aliases", "nope")]
    [InlineData("session", "--id", "no-such-session")]
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

/// <summary>ccusage's report options on the CLI (in-process, sandbox host).</summary>
public sealed class UsageOptionsTests : IDisposable
{
    private readonly TranscriptSandbox _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private async Task<(int Exit, string Out, string Err)> Run(int width, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new Terminal(stdout, stderr, color: false) { Width = width };
        var context = new CliContext(terminal, new SeatGuard.Core.Services.SeatGuardServices(_sandbox.Host, TimeProvider.System,
            new SeatGuard.Core.Common.Processes.SystemCommandRunner(), new SeatGuard.Core.Common.Processes.SystemProcessLauncher(Stream.Null), SeatGuard.Core.Credentials.NoKeychain.Instance));
        int exit = await SeatGuard.Cli.CliApp.RunAsync(["usage", .. args], context);
        return (exit, stdout.ToString(), stderr.ToString());
    }

    private Task<(int Exit, string Out, string Err)> Run(params string[] args) => Run(200, args);

    private void ThreeDays()
    {
        _sandbox.Write("-home-me-alpha/s1.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 1_234_567, output: 89_012, model: Lines.Opus45),
            Lines.Assistant("2025-11-21T10:00:00Z", "m2", "r2", input: 2, output: 3, cacheWrite: 40_000, cacheRead: 150_000, model: Lines.Sonnet45));
        _sandbox.Write("-home-me-beta/s2.jsonl", Lines.Assistant("2025-11-22T10:00:00Z", "m3", "r3", input: 5, output: 6, model: "claude-haiku-5-5", costUsd: 0.5));
    }

    [Fact]
    public async Task OrderAndLastSelectPeriods()
    {
        ThreeDays();
        using (var doc = JsonDocument.Parse((await Run("daily", "--json", "-z", "UTC", "--no-cache", "--order", "desc")).Out))
            doc.RootElement.GetProperty("daily").EnumerateArray().Select(r => r.GetProperty("date").GetString()).ShouldBe(["2025-11-22", "2025-11-21", "2025-11-20"]);
        using (var doc = JsonDocument.Parse((await Run("daily", "-j", "-z", "UTC", "--no-cache", "--last", "2")).Out))
            doc.RootElement.GetProperty("daily").EnumerateArray().Select(r => r.GetProperty("date").GetString()).ShouldBe(["2025-11-21", "2025-11-22"]);
        using (var doc = JsonDocument.Parse((await Run("blocks", "--json", "--no-cache", "-o", "desc")).Out))
            doc.RootElement.GetProperty("blocks")[0].GetProperty("startTime").GetString()!.ShouldStartWith("2025-11-22");
    }

    [Fact]
    public async Task InstancesGroupDailyRowsByProject()
    {
        ThreeDays();
        var (exit, json, err) = await Run("daily", "--instances", "--json", "-z", "UTC", "--no-cache");
        exit.ShouldBe(0, err);
        using var doc = JsonDocument.Parse(json);
        var projects = doc.RootElement.GetProperty("projects");
        projects.EnumerateObject().Select(p => p.Name).ShouldBe(["-home-me-alpha", "-home-me-beta"]);
        projects.GetProperty("-home-me-alpha")[0].GetProperty("project").GetString().ShouldBe("-home-me-alpha");
        doc.RootElement.GetProperty("totals").GetProperty("totalTokens").GetInt64().ShouldBe(1_234_567 + 89_012 + 2 + 3 + 40_000 + 150_000 + 11);
        var (_, table, _) = await Run("daily", "--instances", "-z", "UTC", "--no-cache", "--project-aliases", "-home-me-beta=Beta");
        table.ShouldContain("Project Beta");
    }

    [Fact]
    public async Task SessionIdListsItsRequests()
    {
        ThreeDays();
        var (exit, json, err) = await Run("session", "--id", "s1", "--json", "--no-cache");
        exit.ShouldBe(0, err);
        using var doc = JsonDocument.Parse(json);
        doc.RootElement.GetProperty("sessionId").GetString().ShouldBe("s1");
        var entries = doc.RootElement.GetProperty("entries");
        entries.GetArrayLength().ShouldBe(2);
        foreach (var name in new[] { "timestamp", "model", "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "costUSD" })
            entries[0].TryGetProperty(name, out _).ShouldBeTrue(name);
        doc.RootElement.GetProperty("totalTokens").GetInt64().ShouldBe(1_234_567 + 89_012 + 2 + 3 + 40_000 + 150_000);
    }

    [Fact]
    public async Task ActiveRecentAndSessionLengthShapeBlocks()
    {
        var now = DateTimeOffset.UtcNow;
        string At(double minutesAgo) => UsageReportBuilder.IsoTime(now.AddMinutes(-minutesAgo));
        _sandbox.Write("p/s.jsonl", Lines.Assistant(At(60 * 24 * 10), "m0", "r0", input: 7), Lines.Assistant(At(60 * 30), "m1", "r1", input: 5),
            Lines.Assistant(At(20), "m2", "r2", input: 10), Lines.Assistant(At(5), "m3", "r3", input: 20));
        using (var doc = JsonDocument.Parse((await Run("blocks", "--active", "--json", "--no-cache")).Out))
        {
            var blocks = doc.RootElement.GetProperty("blocks");
            blocks.GetArrayLength().ShouldBe(1);
            blocks[0].GetProperty("isActive").GetBoolean().ShouldBeTrue();
            blocks[0].GetProperty("burnRate").ValueKind.ShouldBe(JsonValueKind.Object);
        }
        using (var doc = JsonDocument.Parse((await Run("blocks", "--recent", "--json", "--no-cache")).Out))
            doc.RootElement.GetProperty("blocks").EnumerateArray().Where(b => !b.GetProperty("isGap").GetBoolean()).Sum(b => b.GetProperty("totalTokens").GetInt64()).ShouldBe(35);
        using (var doc = JsonDocument.Parse((await Run("blocks", "--json", "--no-cache", "-n", "2")).Out))
        {
            var b = doc.RootElement.GetProperty("blocks").EnumerateArray().Last();
            (DateTimeOffset.Parse(b.GetProperty("endTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)
                - DateTimeOffset.Parse(b.GetProperty("startTime").GetString()!, System.Globalization.CultureInfo.InvariantCulture)).ShouldBe(TimeSpan.FromHours(2));
        }
    }

    [Fact]
    public async Task CsvBreakdownHasOneRowPerModelAndRoundedCosts()
    {
        _sandbox.Write("p/s.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 100, output: 10, model: Lines.Sonnet45),
            Lines.Assistant("2025-11-20T11:00:00Z", "m2", "r2", input: 7, model: Lines.Haiku45));
        var (exit, csv, _) = await Run("daily", "--csv", "--breakdown", "-z", "UTC", "--no-cache");
        exit.ShouldBe(0);
        var lines = csv.Trim().Split('\n');
        lines[0].ShouldBe("date,model,inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,cost");
        lines.Skip(1).ShouldBe(["2025-11-20,claude-sonnet-4-5-20250929,100,10,0,0,110,0.00045", "2025-11-20,claude-haiku-4-5-20251001,7,0,0,0,7,0.000007"]);
    }

    [Fact]
    public async Task TablesFitEightyColumnsWithoutSplittingNumbersOrModelNames()
    {
        ThreeDays();
        _sandbox.Write("-home-me-beta/s3.jsonl", Lines.Assistant("2025-11-22T11:00:00Z", "m9", "r9", input: 123_456_789, output: 98_765_432, model: "us.anthropic.claude-sonnet-4-5-20250929-v1:0"));
        foreach (var args in new[] { new[] { "daily" }, ["daily", "--breakdown"], ["monthly", "--breakdown"], ["session"], ["blocks"], ["weekly", "--compact"] })
        {
            var (exit, table, err) = await Run(80, [.. args, "-z", "UTC", "--no-cache"]);
            exit.ShouldBe(0, err);
            foreach (var line in table.Split('\n')) line.Length.ShouldBeLessThanOrEqualTo(80, string.Join(' ', args) + ":\n" + table);
            // Whole numbers (row sums: 5 + 123,456,789 on the 22nd; the month adds 1,234,567 and 2) and whole model names.
            if (args[0] == "daily") foreach (var whole in new[] { "123,456,794", "1,234,567", "98,765,438" }) table.ShouldContain(whole);
            if (args[0] == "monthly") table.ShouldContain("124,691,363");
            if (args[0] is "daily" or "monthly") table.ShouldContain("sonnet-4-5");
            if (args.Contains("--breakdown")) table.ShouldContain("us.anthropic.claude-sonnet-4-5-20250929-v1:0");
        }
        var (_, wide, _) = await Run(200, "daily", "-z", "UTC", "--no-cache");
        wide.ShouldContain("Cache");
        var (_, compact, _) = await Run(200, "daily", "-z", "UTC", "--no-cache", "--compact");
        compact.ShouldNotContain("Cache");
    }

    [Fact]
    public async Task UnknownAndNewerModelsAreUnknownNeverZero()
    {
        _sandbox.Write("p/s.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 100, model: "claude-opus-7"),
            Lines.Assistant("2025-11-21T10:00:00Z", "m2", "r2", input: 100, model: Lines.Sonnet45), Lines.Assistant("2025-11-21T11:00:00Z", "m3", "r3", input: 100, model: "claude-opus-7"));
        var (exit, json, err) = await Run("daily", "--json", "-z", "UTC", "--no-cache");
        exit.ShouldBe(0, err);
        err.ShouldContain("claude-opus-7 are newer than the price book");
        err.ShouldContain("no price for model(s) claude-opus-7");
        using (var doc = JsonDocument.Parse(json))
        {
            var days = doc.RootElement.GetProperty("daily");
            days[0].GetProperty("totalCost").ValueKind.ShouldBe(JsonValueKind.Null);
            days[1].GetProperty("totalCost").GetDouble().ShouldBe(0.0003, 1e-12);
            days[1].GetProperty("unpricedModels")[0].GetString().ShouldBe("claude-opus-7");
            doc.RootElement.GetProperty("totals").GetProperty("unpricedModels")[0].GetString().ShouldBe("claude-opus-7");
        }
        var (_, table, _) = await Run("daily", "-z", "UTC", "--no-cache");
        table.ShouldContain("unknown");
        table.ShouldContain("$0.00+?");
        table.ShouldNotContain("│ $0.00 │");
        var (_, csv, _) = await Run("daily", "--csv", "-z", "UTC", "--no-cache");
        csv.Split('\n')[1].ShouldBe("2025-11-20,100,0,0,0,100,,claude-opus-7");
        var (_, blocks, _) = await Run("blocks", "--json", "--no-cache");
        using (var doc = JsonDocument.Parse(blocks)) doc.RootElement.GetProperty("unpricedModels")[0].GetString().ShouldBe("claude-opus-7");
    }

    [Fact]
    public async Task ModeDecidesWhatALinesCostUsdCountsFor()
    {
        _sandbox.Write("p/s.jsonl", Lines.Assistant("2025-11-20T10:00:00Z", "m1", "r1", input: 1_000_000, costUsd: 9.5, model: Lines.Haiku45),
            Lines.Assistant("2025-11-20T11:00:00Z", "m2", "r2", input: 1_000_000, model: Lines.Haiku45));
        async Task<double> Total(params string[] extra)
        {
            using var doc = JsonDocument.Parse((await Run(["daily", "--json", "-z", "UTC", "--no-cache", .. extra])).Out);
            return doc.RootElement.GetProperty("totals").GetProperty("totalCost").GetDouble();
        }
        // Haiku 4.5: $1 per million input tokens.
        (await Total()).ShouldBe(2.0, 1e-9);
        (await Total("--mode", "auto")).ShouldBe(10.5, 1e-9);
        (await Total("-m", "display")).ShouldBe(9.5, 1e-9);
        (await Total("--cost-mode", "ccusage")).ShouldBe(10.5, 1e-9);
        (await Total("--cost-mode", "ccusage", "--mode", "calculate")).ShouldBe(2.0, 1e-9);
        (await Total("--offline", "--single-thread", "--no-color")).ShouldBe(2.0, 1e-9);
    }
}
