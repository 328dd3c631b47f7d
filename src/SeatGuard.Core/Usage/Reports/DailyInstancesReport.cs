using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary><c>usage daily --instances</c>: daily rows per project, in ccusage's shape.</summary>
public sealed class DailyInstancesReport
{
    /// <summary>Each project's daily rows, by project name.</summary>
    [JsonPropertyName("projects")] public required SortedDictionary<string, List<DailyRow>> Projects { get; init; }
    /// <summary>Totals over every project.</summary>
    [JsonPropertyName("totals")] public required UsageTotals Totals { get; init; }
}
