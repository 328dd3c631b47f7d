using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One week's usage.</summary>
public sealed class WeeklyRow : UsageRow
{
    /// <summary>The week's first day (YYYY-MM-DD).</summary>
    [JsonPropertyName("week")] public required string Week { get; init; }
}
