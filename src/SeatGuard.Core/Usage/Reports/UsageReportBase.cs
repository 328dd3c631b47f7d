using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>What every period report carries besides its rows: ccusage's totals, plus SeatGuard's optional extras.</summary>
public abstract class UsageReportBase
{
    /// <summary>Totals over all rows.</summary>
    [JsonPropertyName("totals")] public required UsageTotals Totals { get; init; }
    /// <summary>Per-project totals (<c>--by-project</c>; not in ccusage).</summary>
    [JsonPropertyName("projects"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<ProjectRow>? Projects { get; set; }
    /// <summary>API-equivalent cost against a plan (<c>--plan</c>; not in ccusage).</summary>
    [JsonPropertyName("plan"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public PlanComparison? Plan { get; set; }
    /// <summary>Session totals by the billing source the ledger recorded (session report, when launches were recorded).</summary>
    [JsonPropertyName("billingSources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<BillingSourceTotals>? BillingSources { get; set; }
}
