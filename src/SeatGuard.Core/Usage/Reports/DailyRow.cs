using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class DailyRow : UsageRow
{
    [JsonPropertyName("date")] public required string Date { get; init; }
}
