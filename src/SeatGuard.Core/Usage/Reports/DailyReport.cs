using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class DailyReport : UsageReportBase
{
    [JsonPropertyName("daily")] public required List<DailyRow> Daily { get; init; }
}
