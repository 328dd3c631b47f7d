using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage daily --json</c>.</summary>
public sealed class DailyReport : UsageReportBase
{
    /// <summary>One row per day.</summary>
    [JsonPropertyName("daily")] public required List<DailyRow> Daily { get; init; }
}
