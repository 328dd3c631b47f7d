using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage weekly --json</c>.</summary>
public sealed class WeeklyReport : UsageReportBase
{
    /// <summary>One row per week.</summary>
    [JsonPropertyName("weekly")] public required List<WeeklyRow> Weekly { get; init; }
}
