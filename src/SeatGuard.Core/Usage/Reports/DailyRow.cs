using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One day's usage.</summary>
public sealed class DailyRow : UsageRow
{
    /// <summary>The day (YYYY-MM-DD).</summary>
    [JsonPropertyName("date")] public required string Date { get; init; }
}
