using System.Text.Json;
using SeatGuard.Cli;
using SeatGuard.TestKit;
using Xunit.Abstractions;

namespace SeatGuard.Interop.Tests.Usage;

/// <summary>
/// SeatGuard against the real ccusage 20.0.24 on the 46 real-world transcript files (shared/realworld-transcripts):
/// tokens per day and per session, and costs under <c>--cost-mode ccusage</c>. On a copy with the documented ccusage
/// differences taken away (<see cref="CcusageDifferences"/>) everything is equal; on the corpus as collected, every
/// day or session that differs is one a documented difference touches. Reported as skipped where the corpus is missing.
/// </summary>
public sealed class RealWorldTranscriptTests(ITestOutputHelper output)
{
    private sealed record Row(long[] Tokens, double Cost);

    [RealWorldFact]
    public async Task TokensAndCostsEqualCcusageOnceItsDocumentedDifferencesAreTakenAway()
    {
        using var sandbox = new SandboxHome();
        var mapping = RealWorldTranscripts.LayOut(sandbox.ClaudeDir);
        mapping.Count.ShouldBe(46);
        var differences = new CcusageDifferences();
        differences.Neutralise(sandbox.ClaudeDir);
        foreach (var g in differences.Touches.GroupBy(t => t.Difference)) output.WriteLine($"neutralised: {g.Key}: {g.Count()} line(s)");

        foreach (var report in new[] { "daily", "session" })
        {
            var ccusage = Rows(await Ccusage(sandbox, report), report);
            var seatguard = Rows(await SeatGuard(sandbox, report, "--cost-mode", "ccusage"), report);
            seatguard.Keys.Order().ShouldBe(ccusage.Keys.Order(), report + " rows");
            foreach (var (key, e) in ccusage)
            {
                seatguard[key].Tokens.ShouldBe(e.Tokens, $"{report} {key} tokens");
                seatguard[key].Cost.ShouldBe(e.Cost, 1e-9 * Math.Max(1, e.Cost), $"{report} {key} cost");
            }
            ccusage.Count.ShouldBeGreaterThan(10);
        }
    }

    [RealWorldFact]
    public async Task EveryDifferenceOnTheCollectedCorpusIsADocumentedOne()
    {
        using var sandbox = new SandboxHome();
        RealWorldTranscripts.LayOut(sandbox.ClaudeDir);
        using var copy = new SandboxHome();
        RealWorldTranscripts.LayOut(copy.ClaudeDir);
        var differences = new CcusageDifferences();
        differences.Neutralise(copy.ClaudeDir);

        var explained = 0;
        foreach (var report in new[] { "daily", "session" })
        {
            var ccusage = Rows(await Ccusage(sandbox, report), report);
            var seatguard = Rows(await SeatGuard(sandbox, report, "--cost-mode", "ccusage"), report);
            foreach (var key in ccusage.Keys.Union(seatguard.Keys).Order())
            {
                var a = ccusage.GetValueOrDefault(key);
                var b = seatguard.GetValueOrDefault(key);
                if (a is not null && b is not null && a.Tokens.SequenceEqual(b.Tokens) && Math.Abs(a.Cost - b.Cost) <= 1e-9 * Math.Max(1, a.Cost)) continue;
                var why = differences.Touches.Where(t => report == "daily" ? t.Day == key : $"{t.Session.Session}|{t.Session.Project}" == key || SessionKeyOfFile(t.File, sandbox) == key)
                    .Select(t => t.Difference).Distinct().ToList();
                output.WriteLine($"{report} {key}: ccusage {Describe(a)}, seatguard {Describe(b)} — {(why.Count == 0 ? "UNEXPLAINED" : string.Join("; ", why))}");
                why.ShouldNotBeEmpty($"{report} {key} differs (ccusage {Describe(a)}, seatguard {Describe(b)}) and no documented ccusage difference touches it");
                explained++;
            }
        }
        explained.ShouldBeGreaterThan(0, "the collected corpus holds shapes ccusage handles differently");
    }

    [RealWorldFact]
    public async Task DefaultPricesKnowEveryModelOfTheRealSessions()
    {
        using var sandbox = new SandboxHome();
        RealWorldTranscripts.LayOut(sandbox.ClaudeDir);
        var result = await SeatGuardRaw(sandbox, "session");
        // Only synthetic fixtures' made-up ids may be unknown; every model a real session used is priced.
        using var doc = JsonDocument.Parse(result.StdOut);
        var unknown = doc.RootElement.GetProperty("totals").TryGetProperty("unpricedModels", out var u) ? u.EnumerateArray().Select(e => e.GetString()!).ToList() : [];
        unknown.ShouldBeSubsetOf(["unknown-model-2025", "claude-3-5-sonnet-latest", "claude-3-haiku-latest", "claude-3-opus-latest", "claude-opus-4"], string.Join(", ", unknown));
        result.StdErr.ShouldNotContain("internal error");
    }

    /// <summary>The session key ccusage gives a file that was moved (its folder name and its folder's project path).</summary>
    private static string? SessionKeyOfFile(string file, SandboxHome sandbox)
    {
        var rel = Path.GetRelativePath(Path.Combine(sandbox.ClaudeDir, "projects"), file).Split(Path.DirectorySeparatorChar);
        if (rel.Length < 3) return null;
        return $"{rel[^2]}|{string.Join('/', rel[..^2])}";
    }

    private static string Describe(Row? r) => r is null ? "no row" : $"{string.Join('/', r.Tokens)} ${r.Cost:0.######}";

    private static Dictionary<string, Row> Rows(string json, string report)
    {
        using var doc = JsonDocument.Parse(json);
        var rows = new Dictionary<string, Row>();
        foreach (var r in doc.RootElement.GetProperty(report == "session" ? "sessions" : "daily").EnumerateArray())
        {
            string key = report == "daily" ? r.GetProperty("date").GetString()! : r.GetProperty("sessionId").GetString() + "|" + r.GetProperty("projectPath").GetString();
            long[] t = [r.GetProperty("inputTokens").GetInt64(), r.GetProperty("outputTokens").GetInt64(), r.GetProperty("cacheCreationTokens").GetInt64(),
                r.GetProperty("cacheReadTokens").GetInt64(), r.GetProperty("totalTokens").GetInt64()];
            rows[key] = new Row(t, r.GetProperty("totalCost").ValueKind == JsonValueKind.Number ? r.GetProperty("totalCost").GetDouble() : double.NaN);
        }
        return rows;
    }

    private static async Task<string> Ccusage(SandboxHome sandbox, string report)
    {
        var result = await ProcessRunner.RunAsync(ToolPaths.Ccusage, ["claude", report, "--json", "--offline", "-z", "UTC"],
            ProcessRunner.CleanEnvironment(sandbox.Home), sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        result.ExitCode.ShouldBe(0, result.ToString());
        return result.StdOut;
    }

    private static async Task<string> SeatGuard(SandboxHome sandbox, string report, params string[] extra) => (await SeatGuardRaw(sandbox, report, extra)).StdOut;

    private static async Task<ProcessResult> SeatGuardRaw(SandboxHome sandbox, string report, params string[] extra)
    {
        var result = await ProcessRunner.RunAsync("dotnet", [typeof(CliApp).Assembly.Location, "usage", report, "--json", "--timezone", "UTC", "--no-cache", .. extra],
            ProcessRunner.CleanEnvironment(sandbox.Home), sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        result.ExitCode.ShouldBe(0, result.ToString());
        return result;
    }
}
