using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class MonthlyReport : UsageReportBase
{
    [JsonPropertyName("monthly")] public required List<MonthlyRow> Monthly { get; init; }
}
