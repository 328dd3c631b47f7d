using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class WeeklyRow : UsageRow
{
    [JsonPropertyName("week")] public required string Week { get; init; }
}
