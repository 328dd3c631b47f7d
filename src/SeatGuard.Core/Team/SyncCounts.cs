using System.Text.Json.Serialization;

namespace SeatGuard.Core.Team;

/// <summary>How many items this machine has, how many a sync sent, how many the store already had as they are.</summary>
public sealed record SyncCounts(
    [property: JsonPropertyName("local")] int Local,
    [property: JsonPropertyName("sent")] int Sent,
    [property: JsonPropertyName("unchanged")] int Unchanged);
