using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record ModelPrice
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("input")] public double Input { get; init; }
    [JsonPropertyName("output")] public double Output { get; init; }
    [JsonPropertyName("cacheWrite5m")] public double CacheWrite5m { get; init; }
    [JsonPropertyName("cacheWrite1h")] public double CacheWrite1h { get; init; }
    [JsonPropertyName("cacheRead")] public double CacheRead { get; init; }
    [JsonPropertyName("longContext")] public Rates? LongContext { get; init; }
    [JsonIgnore] public Rates Base => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);
}
