using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>USD per million tokens.</summary>
public sealed record Rates(
    [property: JsonPropertyName("input")] double Input,
    [property: JsonPropertyName("output")] double Output,
    [property: JsonPropertyName("cacheWrite5m")] double CacheWrite5m,
    [property: JsonPropertyName("cacheWrite1h")] double CacheWrite1h,
    [property: JsonPropertyName("cacheRead")] double CacheRead);
