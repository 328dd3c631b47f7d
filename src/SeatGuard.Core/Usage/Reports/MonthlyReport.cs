using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage monthly --json</c>.</summary>
public sealed class MonthlyReport : UsageReportBase
{
    /// <summary>One row per month.</summary>
    [JsonPropertyName("monthly")] public required List<MonthlyRow> Monthly { get; init; }
}
