using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class DailyRow : UsageRow
{
    [JsonPropertyName("date")] public required string Date { get; init; }
    /// <summary>The project of a <c>daily --instances</c> row (ccusage's field); absent otherwise.</summary>
    [JsonPropertyName("project"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Project { get; init; }
}
