using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Cli;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Usage;

/// <summary>
/// <c>--cost-mode ccusage</c> prices every model id as the real ccusage 20.0.24 does: current, retired, dated, Bedrock
/// and Vertex spellings, <c>[1m]</c>, aliases, ids it does not know ($0, listed as unpriced), other vendors' models a
/// gateway may report; with requests over its 200k tier and in fast mode.
/// </summary>
public sealed class CcusagePricingParityTests
{
    private static readonly string[] Models =
    [
        "claude-fable-5-2", "claude-mythos-5-2", "claude-fable-5-1", "claude-fable-5-1[1m]", "claude-mythos-5-1", "claude-fable-5", "claude-mythos-5", "claude-mythos-preview",
        "claude-opus-5-5", "claude-opus-5-5[1m]", "claude-opus-5", "claude-opus-5[1m]", "claude-opus-4-8", "claude-opus-4-8[1m]", "claude-opus-4-7", "claude-opus-4-6",
        "claude-opus-4-6[1m]", "claude-opus-4-6-20260205", "claude-opus-4-5", "claude-opus-4-5-20251101", "claude-opus-4-1", "claude-opus-4-1-20250805", "claude-opus-4",
        "claude-opus-4-0", "claude-opus-4-20250514", "claude-3-opus-20240229", "claude-3-opus-latest",
        "claude-sonnet-5-5", "claude-sonnet-5-5[1m]", "claude-sonnet-5", "claude-sonnet-4-6", "claude-sonnet-4-6[1m]", "claude-sonnet-4-5", "claude-sonnet-4-5-20250929",
        "claude-sonnet-4-5-20250929[1m]", "claude-sonnet-4", "claude-sonnet-4-0", "claude-sonnet-4-20250514", "claude-3-7-sonnet-20250219", "claude-3-7-sonnet-latest",
        "claude-sonnet-3-7", "claude-3-5-sonnet-20241022", "claude-3-5-sonnet-latest", "claude-3-sonnet-20240229",
        "claude-haiku-5-5", "claude-haiku-4-5", "claude-haiku-4-5-20251001", "claude-3-5-haiku-20241022", "claude-3-5-haiku-latest", "claude-haiku-3-5", "claude-3-haiku-20240307",
        "claude-3-haiku-latest", "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "anthropic.claude-opus-4-6-v1", "claude-sonnet-4-5@20250929", "anthropic/claude-sonnet-4.5",
        "claude-4-sonnet-20250514", "opus", "sonnet", "haiku", "claude-opus-5-fast", "claude-opus-9-9", "unknown-model-2025", "gpt-5", "glm-4.6", "kimi-k2",
        "claude-opus-4.6", "claude-sonnet-4.5", "vertex_ai/claude-opus-4-6", "bedrock/claude-sonnet-4-5", "claude-sonnet-4-5-v1", "claude-haiku-4-5@20251001", "gpt-5-codex",
        "claude-opus-latest", "claude-fable-latest", "anthropic/claude-sonnet-3.7", "claude-sonnet-3.7", "claude-sonnet-4-5@eu", "claude-opus-4-6@default", "claude-opus-4-6@eu",
        "openai/gpt-5", "azure/gpt-5", "anthropic/claude-haiku-4.5", "anthropic--claude-4.6-opus", "claude-4.5-opus", "databricks-claude-sonnet-4-5", "claude-fable-5-1@default",
        "claude-opus-4-1-20250805-thinking", "claude-opus-4-6-think", "claude-4-5-sonnet", "claude-opus-4-6@20260205", "claude-sonnet-4@20250514", "claude-opus-4-6-fast",
    ];

    [Fact]
    public async Task EveryModelIdCostsWhatCcusageCharges()
    {
        using var sandbox = new SandboxHome();
        var dir = Path.Combine(sandbox.ClaudeDir, "projects", "-home-u-models");
        Directory.CreateDirectory(dir);
        var lines = new List<string>();
        var start = new DateTime(2026, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        for (int i = 0; i < Models.Length; i++)
        {
            var at = start.AddDays(i);
            lines.Add(Line(at, $"m{i}a", Models[i], 123_456, 2_345, 250_000, 1_000, 300_000, fast: false));
            lines.Add(Line(at.AddMinutes(1), $"m{i}b", Models[i], 10_000, 20_000, 3_000, 0, 40_000, fast: true));
        }
        File.WriteAllText(Path.Combine(dir, "s1.jsonl"), string.Join("\n", lines) + "\n");

        var env = ProcessRunner.CleanEnvironment(sandbox.Home);
        var cc = await ProcessRunner.RunAsync(ToolPaths.Ccusage, ["claude", "daily", "--json", "--offline", "-z", "UTC"], env, sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        cc.ExitCode.ShouldBe(0, cc.ToString());
        var sg = await ProcessRunner.RunAsync("dotnet", [typeof(CliApp).Assembly.Location, "usage", "daily", "--json", "--timezone", "UTC", "--no-cache", "--cost-mode", "ccusage"],
            env, sandbox.Project, timeout: TimeSpan.FromMinutes(3));
        sg.ExitCode.ShouldBe(0, sg.ToString());

        using var a = JsonDocument.Parse(cc.StdOut);
        using var b = JsonDocument.Parse(sg.StdOut);
        var expected = a.RootElement.GetProperty("daily").EnumerateArray().ToDictionary(r => r.GetProperty("date").GetString()!);
        var actual = b.RootElement.GetProperty("daily").EnumerateArray().ToDictionary(r => r.GetProperty("date").GetString()!);
        actual.Keys.Order().ShouldBe(expected.Keys.Order());
        for (int i = 0; i < Models.Length; i++)
        {
            var day = start.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            double want = expected[day].GetProperty("totalCost").GetDouble(), got = actual[day].GetProperty("totalCost").GetDouble();
            got.ShouldBe(want, 1e-9 * Math.Max(1, want), $"{Models[i]} on {day}: ccusage ${want}, seatguard ${got}");
        }
        Unpriced(b).ShouldBe(Unpriced(a), ignoreOrder: true);
    }

    private static List<string> Unpriced(JsonDocument d) =>
        d.RootElement.GetProperty("totals").TryGetProperty("unpricedModels", out var u) ? u.EnumerateArray().Select(e => e.GetString()!).ToList() : [];

    private static string Line(DateTime at, string id, string model, long input, long output, long cache5m, long cache1h, long read, bool fast)
    {
        var usage = new JsonObject
        {
            ["input_tokens"] = input, ["output_tokens"] = output, ["cache_creation_input_tokens"] = cache5m + cache1h, ["cache_read_input_tokens"] = read,
            ["cache_creation"] = new JsonObject { ["ephemeral_5m_input_tokens"] = cache5m, ["ephemeral_1h_input_tokens"] = cache1h },
            ["speed"] = fast ? "fast" : "standard",
        };
        return new JsonObject
        {
            ["type"] = "assistant", ["timestamp"] = at.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture), ["sessionId"] = "s1", ["requestId"] = "req_" + id,
            ["isSidechain"] = false, ["message"] = new JsonObject { ["id"] = "msg_" + id, ["model"] = model, ["role"] = "assistant", ["usage"] = usage },
        }.ToJsonString();
    }
}
