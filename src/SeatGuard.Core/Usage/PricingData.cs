using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed record PricingData
{
    [JsonPropertyName("asOf")] public string AsOf { get; init; } = "";
    [JsonPropertyName("source")] public string? Source { get; init; }
    [JsonPropertyName("longContextThreshold")] public long LongContextThreshold { get; init; } = 200_000;
    [JsonPropertyName("models")] public List<ModelPrice> Models { get; init; } = [];
    [JsonPropertyName("plans")] public List<PlanPrice> Plans { get; init; } = [];
}
