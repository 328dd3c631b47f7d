using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Rates for a request whose prompt (input + cache writes + cache reads) is above <see cref="Above"/> tokens: every
/// token of that request, output included, is priced at these rates (Haiku 5.5's 100K band, the 1M-context premium).
/// </summary>
public sealed record PromptBand
{
    [JsonPropertyName("above")] public long Above { get; init; }
    [JsonPropertyName("input")] public double Input { get; init; }
    [JsonPropertyName("output")] public double Output { get; init; }
    [JsonPropertyName("cacheWrite5m")] public double CacheWrite5m { get; init; }
    [JsonPropertyName("cacheWrite1h")] public double CacheWrite1h { get; init; }
    [JsonPropertyName("cacheRead")] public double CacheRead { get; init; }
    [JsonPropertyName("sources"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? Sources { get; init; }
    [JsonPropertyName("confidence"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Confidence { get; init; }
    [JsonPropertyName("note"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public string? Note { get; init; }

    [JsonIgnore] public Rates Card => new(Input, Output, CacheWrite5m, CacheWrite1h, CacheRead);
}
