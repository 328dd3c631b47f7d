using System.Text.Json;
using SeatGuard.Cli;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Usage;

/// <summary>
/// Generates a corpus in a sandbox HOME, runs the real ccusage 20.0.24 (offline, clean environment) and seatguard
/// (the built program, same environment) on it, and compares every report: tokens equal, costs equal under
/// <c>--cost-mode ccusage</c>. The corpus uses only shapes on which ccusage's own reports agree (see docs/usage.md).
/// </summary>
public sealed class CcusageParityTests : IClassFixture<CcusageParityTests.Corpus>
{
    public sealed class Corpus : IDisposable
    {
        public SandboxHome Sandbox { get; } = new();
        public CorpusStats Stats { get; }

        public Corpus()
        {
            Stats = TranscriptCorpus.Generate(Sandbox.ClaudeDir, CorpusOptions.CcusageCompatible with { Seed = 7, Projects = 3, SessionsPerProject = 5, TurnsPerSession = 30, ToolResultBytes = 400, HugeToolResults = 0 });
        }

        public void Dispose() => Sandbox.Dispose();
    }

    private readonly Corpus _corpus;

    public CcusageParityTests(Corpus corpus) => _corpus = corpus;

    public static TheoryData<string, string, string> Reports => new()
    {
        { "daily", "UTC", "" }, { "daily", "America/New_York", "" }, { "daily", "Asia/Kolkata", "" },
        { "daily", "Europe/Berlin", "since=2025-10-10 until=2025-10-31" },
        { "weekly", "UTC", "" }, { "weekly", "Europe/Berlin", "" }, { "weekly", "UTC", "start-of-week=monday" },
        { "monthly", "UTC", "" }, { "monthly", "Pacific/Auckland", "" },
        { "session", "UTC", "" },
        { "blocks", "UTC", "" },
    };

    [Theory]
    [MemberData(nameof(Reports))]
    public async Task ReportMatchesCcusage(string report, string timeZone, string options)
    {
        var ccusageArgs = new List<string> { "-z", timeZone };
        var seatguardArgs = new List<string> { "--timezone", timeZone, "--cost-mode", "ccusage", "--no-cache" };
        foreach (var option in options.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var (name, value) = (option.Split('=')[0], option.Split('=')[1]);
            ccusageArgs.AddRange(["--" + name, name is "since" or "until" ? value.Replace("-", "") : value]);
            seatguardArgs.AddRange(["--" + name, value]);
        }
        var ccusage = await RunCcusage(report, [.. ccusageArgs]);
        var seatguard = await RunSeatGuard(report, [.. seatguardArgs]);

        var expected = Rows(ccusage, report);
        var actual = Rows(seatguard, report);
        expected.Count.ShouldBeGreaterThan(report == "monthly" ? 1 : 2, "the corpus should produce several rows");
        Compare($"{report} ({timeZone} {options})", expected, actual);
    }

    private static void Compare(string what, Dictionary<string, Row> expected, Dictionary<string, Row> actual)
    {
        actual.Keys.Order().ShouldBe(expected.Keys.Order(), $"{what} rows");
        foreach (var (key, e) in expected)
        {
            var a = actual[key];
            a.Tokens.ShouldBe(e.Tokens, $"{what} {key} tokens");
            a.Cost.ShouldBe(e.Cost, 1e-9, $"{what} {key} cost");
            a.Models.ShouldBe(e.Models, ignoreOrder: true, $"{what} {key} models");
            foreach (var (model, (tokens, cost)) in e.Breakdown)
            {
                a.Breakdown[model].Tokens.ShouldBe(tokens, $"{what} {key} {model} tokens");
                a.Breakdown[model].Cost.ShouldBe(cost, 1e-9, $"{what} {key} {model} cost");
            }
        }
    }

    [Fact]
    public async Task LibraryMatchesCcusage()
    {
        // The same comparison through SeatGuard.Core directly (what the status line and HTML report call).
        var host = new SeatGuard.Core.Common.HostContext(ProcessRunner.CleanEnvironment(_corpus.Sandbox.Home), _corpus.Sandbox.Home,
            _corpus.Sandbox.Project, SeatGuard.Core.Common.HostOs.Linux);
        var data = SeatGuard.Core.Usage.UsageLoader.Load(host, new SeatGuard.Core.Usage.UsageLoadOptions { UseCache = false });
        var reports = new SeatGuard.Core.Usage.UsageReportBuilder(data, new SeatGuard.Core.Usage.UsageQuery { CostMode = SeatGuard.Core.Usage.CostMode.Ccusage, Now = DateTimeOffset.UtcNow });
        var daily = JsonSerializer.Serialize(reports.Daily(), SeatGuard.Core.Usage.UsageJson.Default.DailyReport);
        var blocks = JsonSerializer.Serialize(reports.Blocks(), SeatGuard.Core.Usage.UsageJson.Default.BlocksReport);
        Compare("daily", Rows(await RunCcusage("daily", "-z", "UTC"), "daily"), Rows(daily, "daily"));
        Compare("blocks", Rows(await RunCcusage("blocks", "-z", "UTC"), "blocks"), Rows(blocks, "blocks"));
        data.MalformedLines.ShouldBeGreaterThanOrEqualTo(_corpus.Stats.BrokenLines);
    }

    [Fact]
    public async Task DefaultCostModeDiffersOnlyByLongContextRequests()
    {
        // The corpus holds sonnet requests over 200k input-side tokens: Anthropic's rule charges them more than ccusage does.
        var ccusage = Rows(await RunCcusage("monthly", "-z", "UTC"), "monthly");
        var anthropic = Rows(await RunSeatGuard("monthly", "--timezone", "UTC", "--no-cache"), "monthly");
        anthropic.Values.Sum(r => r.Tokens[4]).ShouldBe(ccusage.Values.Sum(r => r.Tokens[4]));
        anthropic.Values.Sum(r => r.Cost).ShouldBeGreaterThan(ccusage.Values.Sum(r => r.Cost));
    }

    [Fact]
    public async Task CachedRunsEqualTheColdRun()
    {
        var cold = await RunSeatGuard("daily", "--timezone", "UTC", "--cost-mode", "ccusage", "--no-cache");
        var first = await RunSeatGuard("daily", "--timezone", "UTC", "--cost-mode", "ccusage");
        var warm = await RunSeatGuard("daily", "--timezone", "UTC", "--cost-mode", "ccusage");
        warm.ShouldBe(first);
        warm.ShouldBe(cold);
        Directory.EnumerateFiles(_corpus.Sandbox.Home, "usage-cache.db", SearchOption.AllDirectories).ShouldNotBeEmpty();
    }

    private sealed record Row(long[] Tokens, double Cost, string[] Models, Dictionary<string, (long[] Tokens, double Cost)> Breakdown);

    private static Dictionary<string, Row> Rows(string json, string report)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var rows = new Dictionary<string, Row>();
        string arrayName = report switch { "session" => "sessions", "blocks" => "blocks", _ => report };
        foreach (var r in root.GetProperty(arrayName).EnumerateArray())
        {
            if (report == "blocks")
            {
                var tc = r.GetProperty("tokenCounts");
                long[] bt = [tc.GetProperty("inputTokens").GetInt64(), tc.GetProperty("outputTokens").GetInt64(), tc.GetProperty("cacheCreationInputTokens").GetInt64(),
                    tc.GetProperty("cacheReadInputTokens").GetInt64(), r.GetProperty("totalTokens").GetInt64(), r.GetProperty("entries").GetInt64()];
                rows[r.GetProperty("id").GetString()! + "|" + r.GetProperty("endTime").GetString() + "|" + r.GetProperty("actualEndTime")] =
                    new Row(bt, r.GetProperty("costUSD").GetDouble(), r.GetProperty("models").EnumerateArray().Select(m => m.GetString()!).ToArray(), []);
                continue;
            }
            string key = report switch
            {
                "daily" => r.GetProperty("date").GetString()!,
                "weekly" => r.GetProperty("week").GetString()!,
                "monthly" => r.GetProperty("month").GetString()!,
                _ => r.GetProperty("sessionId").GetString()! + "|" + r.GetProperty("projectPath").GetString() + "|" + r.GetProperty("lastActivity").GetString(),
            };
            var breakdown = r.GetProperty("modelBreakdowns").EnumerateArray().ToDictionary(m => m.GetProperty("modelName").GetString()!,
                m => (Tokens(m, false), m.GetProperty("cost").GetDouble()));
            rows[key] = new Row(Tokens(r, true), r.GetProperty("totalCost").GetDouble(),
                r.GetProperty("modelsUsed").EnumerateArray().Select(m => m.GetString()!).ToArray(), breakdown);
        }
        return rows;
    }

    private static long[] Tokens(JsonElement e, bool withTotal)
    {
        long[] t = [e.GetProperty("inputTokens").GetInt64(), e.GetProperty("outputTokens").GetInt64(), e.GetProperty("cacheCreationTokens").GetInt64(), e.GetProperty("cacheReadTokens").GetInt64(), 0];
        t[4] = withTotal ? e.GetProperty("totalTokens").GetInt64() : t[0] + t[1] + t[2] + t[3];
        return t;
    }

    private async Task<string> RunCcusage(string report, params string[] extra)
    {
        var result = await ProcessRunner.RunAsync(ToolPaths.Ccusage, ["claude", report, "--json", "--offline", .. extra],
            ProcessRunner.CleanEnvironment(_corpus.Sandbox.Home), _corpus.Sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StdOut;
    }

    private async Task<string> RunSeatGuard(string report, params string[] extra)
    {
        var dll = typeof(CliApp).Assembly.Location;
        var result = await ProcessRunner.RunAsync("dotnet", [dll, "usage", report, "--json", .. extra],
            ProcessRunner.CleanEnvironment(_corpus.Sandbox.Home), _corpus.Sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StdOut;
    }
}
