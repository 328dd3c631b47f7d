using SeatGuard.Core.Common;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Scan;

/// <summary>
/// SARIF 2.1.0 as GitHub code scanning accepts it: one run, <c>tool.driver.rules</c> with help text,
/// results with ruleId, level, message, a physical location and <c>partialFingerprints</c>.
/// </summary>
public static class SarifWriter
{
    /// <summary>The SARIF 2.1.0 schema.</summary>
    public const string SchemaUri = "https://json.schemastore.org/sarif-2.1.0.json";

    /// <summary>The report as a SARIF 2.1.0 log for code scanning; <paramref name="toolVersion"/> is SeatGuard's version.</summary>
    public static SarifLog Build(ScanReport report, IReadOnlyList<ScanRule> rules, string toolVersion)
    {
        var used = rules.ToList();
        var index = used.Select((r, i) => (r.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var driverRules = used.Select(r => new SarifRule(
            Id: r.Id,
            Name: ToPascal(r.Id),
            ShortDescription: new SarifText(r.Title),
            FullDescription: new SarifText(r.Message),
            Help: new SarifHelp(
                Text: $"{r.Message}\nFix: {r.Fix}" + (r.Scenario is null ? "" : $"\nPolicy scenario: {r.Scenario}"),
                Markdown: $"**{r.Title}** ({Tiers.Name(r.Tier)})\n\n{r.Message}\n\n**Fix:** {r.Fix}" + (r.Scenario is null ? "" : $"\n\nPolicy scenario: `{r.Scenario}`")),
            DefaultConfiguration: new SarifConfiguration(Level(r.Tier)),
            Properties: new SarifRuleProperties(
                Tags: ["security", "seatguard", "tier-" + Tiers.Name(r.Tier)],
                SecuritySeverity: r.Tier switch { Tier.Red => "8.5", Tier.Gray => "5.0", _ => "1.0" },
                Tier: Tiers.Name(r.Tier),
                Scenario: r.Scenario))).ToList();

        var results = report.Findings.Select(f => new SarifResult(
            RuleId: f.Rule,
            RuleIndex: index.TryGetValue(f.Rule, out var i) ? i : -1,
            // A low-confidence finding (comment, test, docs, example, scanner rules) is a note whatever its rule's tier.
            Level: f.IsHighConfidence ? Level(f.Tier) : "note",
            Message: new SarifText(f.Message + (f.Secret is null ? "" : $" ({f.Secret})") + (f.Commit is null ? "" : $" [commit {f.Commit}]")),
            Locations:
            [
                new SarifLocation(new SarifPhysicalLocation(
                    new SarifArtifactLocation(Uri(f.Path), Path.IsPathRooted(f.Path) ? null : "%SRCROOT%"),
                    new SarifRegion(Math.Max(1, f.Line), Math.Max(1, f.Column)))),
            ],
            PartialFingerprints: new Dictionary<string, string> { ["seatguard/v1"] = f.Fingerprint },
            Properties: new SarifResultProperties(f.Tier.Name(), f.Commit, f.Confidence, f.Context))).ToList();

        return new SarifLog(
            Schema: SchemaUri,
            Version: "2.1.0",
            Runs:
            [
                new SarifRun(new SarifTool(new SarifDriver("SeatGuard", toolVersion, toolVersion, driverRules)), results)
                {
                    Invocations = report.Notes.Count == 0 ? null : [new SarifInvocation(true, report.Notes.Select(n => new SarifNotification(new SarifText(n), "warning")).ToList())],
                },
            ]);
    }

    /// <summary>The SARIF level of a tier: red → error, gray → warning, green → note.</summary>
    public static string Level(Tier tier) => tier switch { Tier.Red => "error", Tier.Gray => "warning", _ => "note" };

    private static string Uri(string path) =>
        Path.IsPathRooted(path) ? new Uri(path).AbsoluteUri : string.Join('/', path.Split('/').Select(System.Uri.EscapeDataString));

    private static string ToPascal(string id) => string.Concat(id.Split('-').Select(p => p.Length == 0 ? p : char.ToUpperInvariant(p[0]) + p[1..]));
}
