using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class MonthlyRow : UsageRow
{
    [JsonPropertyName("month")] public required string Month { get; init; }
}
