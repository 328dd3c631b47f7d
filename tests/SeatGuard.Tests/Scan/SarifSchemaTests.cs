using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>SeatGuard's SARIF validates against the vendored OASIS SARIF 2.1.0 schema (Sarif/README.md says where it is from).</summary>
public sealed class SarifSchemaTests
{
    private static readonly Lazy<JsonSchema> Schema = new(() =>
    {
        var node = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Scan", "Sarif", "sarif-schema-2.1.0.json")))!.AsObject();
        node["$schema"] = "http://json-schema.org/draft-07/schema#"; // draft-04, which the validator does not implement
        node.Remove("id");
        return JsonSchema.FromText(node.ToJsonString());
    });

    private static EvaluationResults Validate(string sarif) =>
        Schema.Value.Evaluate(JsonDocument.Parse(sarif).RootElement, new EvaluationOptions { OutputFormat = OutputFormat.List });

    private static string Errors(EvaluationResults r) =>
        string.Join("\n", (r.Details ?? []).Where(d => d.Errors is { Count: > 0 }).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")));

    [Fact]
    public void ReportWithEveryKindOfFindingIsValidSarif()
    {
        using var box = new ScanSandbox();
        foreach (var c in LabeledCorpus.Positives()) box.Write(c.Path, c.Text);
        box.Write("tests/fixture.py", "import keyring\nkeyring.get_password('Claude Code-credentials', 'me')\n"); // a low-confidence finding
        var scanner = TestScanner.Create(RuleBook.Load());
        var report = scanner.Scan(new ScanOptions { Paths = [box.Root], RelativeTo = box.Root });
        report.Findings.ShouldContain(f => !f.IsHighConfidence);
        var sarif = JsonText.Serialize(SarifWriter.Build(report, scanner.Rules, "1.2.3"), ScanJson.Default.SarifLog);
        var result = Validate(sarif);
        result.IsValid.ShouldBeTrue(Errors(result));
        var results = JsonNode.Parse(sarif)!["runs"]![0]!["results"]!.AsArray();
        results.Count.ShouldBe(report.Findings.Count);
        results.Where(r => (string?)r!["properties"]!["confidence"] == "low").ShouldAllBe(r => (string?)r!["level"] == "note");
    }

    [Fact]
    public void ListOfRulesAloneIsValidSarif()
    {
        var scanner = TestScanner.Create(RuleBook.Load());
        var sarif = JsonText.Serialize(SarifWriter.Build(new ScanReport([], new ScanStats(0, 0, 0, 0, 0, 0)), scanner.Rules, "0.0.0"), ScanJson.Default.SarifLog);
        Validate(sarif).IsValid.ShouldBeTrue();
    }

    [Fact]
    public void TheSchemaRejectsABrokenLog()
    {
        // The validator really checks: a result without its required message fails.
        var broken = """{"version":"2.1.0","runs":[{"tool":{"driver":{"name":"x"}},"results":[{"ruleId":"r"}]}]}""";
        Validate(broken).IsValid.ShouldBeFalse();
    }
}
