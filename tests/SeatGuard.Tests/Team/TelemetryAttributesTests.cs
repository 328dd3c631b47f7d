using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Team;

public sealed class TelemetryAttributesTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    [Fact]
    public void ValuesArePercentEncodedAsTheOtelSpecificationAsks()
    {
        TelemetryAttributes.Encode("alice").ShouldBe("alice");
        TelemetryAttributes.Encode("Zoë, Ltd; \"x\"\\=%").ShouldBe("Zo%C3%AB%2C%20Ltd%3B%20%22x%22%5C%3D%25");
        TelemetryAttributes.Encode(new string('a', 300)).Length.ShouldBe(255);
        Uri.UnescapeDataString(TelemetryAttributes.Encode(new string('ë', 100))).ShouldBe(new string('ë', 42));
    }

    [Fact]
    public void ExistingAttributesAreKeptAndAStaleSeatguardPairIsReplaced()
    {
        var merged = TelemetryAttributes.Merge("department=eng, seatguard.billing=subscription,team=a%2Cb",
            [(TelemetryAttributes.BillingKey, "api-key"), (TelemetryAttributes.BeneficiaryKey, "client acme")]);

        merged.ShouldBe("department=eng,team=a%2Cb,seatguard.billing=api-key,seatguard.beneficiary=client%20acme");
        TelemetryAttributes.Merge(null, [("k", "v")]).ShouldBe("k=v");
    }

    private static IReadOnlyList<SettingsLayer> Layers(params (SettingsScope Scope, string Name, string Value)[] env) =>
        env.Select(e => SettingsLayer.FromObject(e.Scope, "/x", new System.Text.Json.Nodes.JsonObject { ["env"] = new System.Text.Json.Nodes.JsonObject { [e.Name] = e.Value } })).ToList();

    [Fact]
    public void NothingIsAddedUnlessTelemetryIsOn()
    {
        TelemetryAttributes.For(new Dictionary<string, string>(), [], Billing.Subscription, "alice").ShouldBe(TelemetryAttributes.Plan.None);
        TelemetryAttributes.For(new Dictionary<string, string> { ["CLAUDE_CODE_ENABLE_TELEMETRY"] = "0" }, [], Billing.Subscription, "alice").ShouldBe(TelemetryAttributes.Plan.None);
        TelemetryAttributes.For(new Dictionary<string, string> { ["CLAUDE_CODE_ENABLE_TELEMETRY"] = "1" }, Layers((SettingsScope.User, "CLAUDE_CODE_ENABLE_TELEMETRY", "0")),
            Billing.Subscription, "alice").ShouldBe(TelemetryAttributes.Plan.None, "the settings value wins over the environment");
    }

    [Fact]
    public void TelemetryOnInSettingsAndAttributesFromSettingsGoIntoTheSettingsOverride()
    {
        var plan = TelemetryAttributes.For(new Dictionary<string, string> { ["OTEL_RESOURCE_ATTRIBUTES"] = "from=env" },
            Layers((SettingsScope.User, "CLAUDE_CODE_ENABLE_TELEMETRY", "true"), (SettingsScope.Project, "OTEL_RESOURCE_ATTRIBUTES", "from=project")),
            Billing.ApiKey, "bob");

        plan.SettingsValue.ShouldBe("from=project,seatguard.billing=api-key,seatguard.beneficiary=bob");
        plan.EnvironmentValue.ShouldBe(plan.SettingsValue);
        TelemetryAttributes.For(new Dictionary<string, string> { ["CLAUDE_CODE_ENABLE_TELEMETRY"] = "1" },
            Layers((SettingsScope.Managed, "OTEL_RESOURCE_ATTRIBUTES", "fixed=1")), Billing.ApiKey, "bob").ShouldBe(TelemetryAttributes.Plan.None);
    }

    [Fact]
    public void TheLaunchPlanCarriesTheAttributesButNeverTheCredential()
    {
        var token = FakeTokens.OAuthToken();
        var host = _sandbox.Host(new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token, ["CLAUDE_CODE_ENABLE_TELEMETRY"] = "1", ["OTEL_RESOURCE_ATTRIBUTES"] = "department=eng" });
        var services = _sandbox.Services() with { Host = host };
        var outcome = services.Planner.Plan(host, new LaunchRequest(null, null, false, "claude", ["-p", "hi"], null), services.Config() with { Owner = "alice" });

        outcome.Plan.ShouldNotBeNull(outcome.Refusal);
        var value = outcome.Plan.Environment["OTEL_RESOURCE_ATTRIBUTES"];
        value.ShouldBe("department=eng,seatguard.billing=subscription,seatguard.beneficiary=alice");
        value.ShouldNotContain(token[^20..]);
    }
}
