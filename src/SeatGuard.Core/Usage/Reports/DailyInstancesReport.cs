using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage daily --instances</c>: daily rows per project, in ccusage's shape.</summary>
public sealed class DailyInstancesReport
{
    [JsonPropertyName("projects")] public required SortedDictionary<string, List<DailyRow>> Projects { get; init; }
    [JsonPropertyName("totals")] public required UsageTotals Totals { get; init; }
}
