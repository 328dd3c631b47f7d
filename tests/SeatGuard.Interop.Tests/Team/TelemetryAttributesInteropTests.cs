using System.Text;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Team;

/// <summary>
/// Bar telemetry: with Claude Code's telemetry on, `seatguard run` tags every metric data point and log record the
/// real Claude Code exports (OTLP/HTTP, to a collector on loopback) with the billing class and the beneficiary,
/// keeps the attributes already there, and no export carries a credential.
/// </summary>
public sealed class TelemetryAttributesInteropTests
{
    private static Dictionary<string, string> Environment(SandboxHome sandbox, MessagesApiStandIn standIn, OtlpCollector collector)
    {
        var env = ClaudeRunner.Environment(sandbox, standIn);
        // Telemetry is the point here: let Claude Code export it.
        env.Remove("DISABLE_TELEMETRY");
        env.Remove("CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC");
        env["SEATGUARD_CLAUDE"] = ToolPaths.Claude;
        env["USER"] = "owner";
        env["OTEL_METRICS_EXPORTER"] = "otlp";
        env["OTEL_LOGS_EXPORTER"] = "otlp";
        env["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/json";
        env["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint;
        env["OTEL_METRIC_EXPORT_INTERVAL"] = "1000";
        env["OTEL_LOGS_EXPORT_INTERVAL"] = "1000";
        return env;
    }

    private static async Task<List<(string Where, IReadOnlyDictionary<string, string> Attributes)>> RunAsync(SandboxHome sandbox, MessagesApiStandIn standIn,
        OtlpCollector collector, Dictionary<string, string> env, params string[] seatguardArgs)
    {
        var result = await CliHarness.RunAsync(sandbox, env, ["run", .. seatguardArgs, "--", "-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence"]);
        result.ExitCode.ShouldBe(0, result.ToString());
        (await collector.WaitForAsync("/v1/metrics", TimeSpan.FromSeconds(20))).ShouldBeTrue("Claude Code exported metrics");
        (await collector.WaitForAsync("/v1/logs", TimeSpan.FromSeconds(20))).ShouldBeTrue("Claude Code exported log events");
        return [.. collector.AttributeSets()];
    }

    [Fact]
    public async Task EveryDataPointAndLogRecordCarriesTheBillingClassAndBeneficiaryBesideTheUsersOwnAttributes()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        await using var collector = await OtlpCollector.StartAsync();
        var key = FakeTokens.ApiKey();
        var oauth = FakeTokens.OAuthToken();
        var env = Environment(sandbox, standIn, collector);
        env["CLAUDE_CODE_ENABLE_TELEMETRY"] = "1";
        env["OTEL_RESOURCE_ATTRIBUTES"] = "department=eng,seatguard.billing=stale";
        env["ANTHROPIC_API_KEY"] = key;
        env["CLAUDE_CODE_OAUTH_TOKEN"] = oauth;
        const string beneficiary = "Zoë, Ltd; q=1";

        var sets = await RunAsync(sandbox, standIn, collector, env, "--for", beneficiary);

        sets.Select(s => s.Where).Distinct().Order().ShouldBe(["dataPoint", "logRecord", "resource"]);
        foreach (var (where, attributes) in sets)
        {
            attributes.GetValueOrDefault("seatguard.billing").ShouldBe("api-key", where);
            attributes.GetValueOrDefault("seatguard.beneficiary").ShouldBe(beneficiary, where);
            attributes.GetValueOrDefault("department").ShouldBe("eng", where);
        }
        var everything = string.Concat(collector.Exports.Select(e => Encoding.UTF8.GetString(e.Body)));
        everything.ShouldNotContain(key[^24..]);
        everything.ShouldNotContain(oauth[^24..]);
        standIn.MessageRequests.ShouldAllBe(r => r.ApiKey == key);
    }

    [Fact]
    public async Task TelemetrySwitchedOnInSettingsKeepsTheSettingsAttributesAndTagsTheSubscription()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        await using var collector = await OtlpCollector.StartAsync();
        sandbox.WriteUserSettings(new Dictionary<string, object>
        {
            ["env"] = new Dictionary<string, string> { ["CLAUDE_CODE_ENABLE_TELEMETRY"] = "1", ["OTEL_RESOURCE_ATTRIBUTES"] = "team=core" },
        });
        var env = Environment(sandbox, standIn, collector);
        env["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken();

        var sets = await RunAsync(sandbox, standIn, collector, env);

        sets.ShouldNotBeEmpty();
        foreach (var (where, attributes) in sets)
        {
            attributes.GetValueOrDefault("seatguard.billing").ShouldBe("subscription", where);
            attributes.GetValueOrDefault("seatguard.beneficiary").ShouldBe("owner", where);
            attributes.GetValueOrDefault("team").ShouldBe("core", where);
        }
    }
}
