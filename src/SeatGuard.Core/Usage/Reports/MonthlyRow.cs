using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One month's usage.</summary>
public sealed class MonthlyRow : UsageRow
{
    /// <summary>The month (YYYY-MM).</summary>
    [JsonPropertyName("month")] public required string Month { get; init; }
}
