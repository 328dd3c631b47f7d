using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One model's prices in dollars per million tokens.</summary>
public sealed record ModelPrice
{
    /// <summary>The model id (as transcripts name it).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>Input.</summary>
    [JsonPropertyName("input")] public double Input { get; init; }
    /// <summary>Output.</summary>
    [JsonPropertyName("output")] public double Output { get; init; }
    /// <summary>5-minute cache writes.</summary>
    [JsonPropertyName("cacheWrite5m")] public double CacheWrite5m { get; init; }
    /// <summary>1-hour cache writes.</summary>
    [JsonPropertyName("cacheWrite1h")] public double CacheWrite1h { get; init; }
    /// <summary>Cache reads.</summary>
    [JsonPropertyName("cacheRead")] public double CacheRead { get; init; }
    /// <summary>The rates above the long-context threshold, or null.</summary>
    [JsonPropertyName("longContext")] public Rates? LongContext { get; init; }
    /// <summary>The rates below the threshold.</summary>
    [JsonIgnore] public Rates Base => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);
}
