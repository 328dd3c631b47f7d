using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One day's usage.</summary>
public sealed class DailyRow : UsageRow
{
    /// <summary>The day (YYYY-MM-DD).</summary>
    [JsonPropertyName("date")] public required string Date { get; init; }
    /// <summary>The project of a <c>daily --instances</c> row (ccusage's field); absent otherwise.</summary>
    [JsonPropertyName("project"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Project { get; init; }
}
