using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>A price book: the embedded one or a user's <c>pricing.json</c>.</summary>
public sealed record PricingData
{
    /// <summary>The date the prices are from.</summary>
    [JsonPropertyName("asOf")] public string AsOf { get; init; } = "";
    /// <summary>Where they are from.</summary>
    [JsonPropertyName("source")] public string? Source { get; init; }
    /// <summary>Input-side tokens above which long-context rates apply.</summary>
    [JsonPropertyName("longContextThreshold")] public long LongContextThreshold { get; init; } = 200_000;
    /// <summary>Model prices.</summary>
    [JsonPropertyName("models")] public List<ModelPrice> Models { get; init; } = [];
    /// <summary>Plan prices.</summary>
    [JsonPropertyName("plans")] public List<PlanPrice> Plans { get; init; } = [];
}
