using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class WeeklyReport : UsageReportBase
{
    [JsonPropertyName("weekly")] public required List<WeeklyRow> Weekly { get; init; }
}
