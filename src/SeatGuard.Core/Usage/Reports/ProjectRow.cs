using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Per-project totals (not in ccusage).</summary>
public sealed class ProjectRow : UsageTotals
{
    /// <summary>The project.</summary>
    [JsonPropertyName("project")] public required string Project { get; init; }
}
