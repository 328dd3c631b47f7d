using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class BlockRow
{
    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("startTime")] public required string StartTime { get; init; }
    [JsonPropertyName("endTime")] public required string EndTime { get; init; }
    [JsonPropertyName("actualEndTime")] public string? ActualEndTime { get; set; }
    [JsonPropertyName("isActive")] public bool IsActive { get; set; }
    [JsonPropertyName("isGap")] public bool IsGap { get; init; }
    [JsonPropertyName("entries")] public int Entries { get; set; }
    [JsonPropertyName("tokenCounts")] public BlockTokenCounts TokenCounts { get; init; } = new();
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    [JsonPropertyName("costUSD")] public double CostUsd { get; set; }
    [JsonPropertyName("models")] public List<string> Models { get; init; } = [];
    [JsonPropertyName("burnRate")] public BurnRate? BurnRate { get; set; }
    [JsonPropertyName("projection")] public BlockProjection? Projection { get; set; }
    [JsonPropertyName("tokenLimitStatus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TokenLimitStatus? TokenLimitStatus { get; set; }

    [JsonIgnore] public DateTimeOffset Start { get; init; }
    [JsonIgnore] public DateTimeOffset End { get; init; }
    [JsonIgnore] public DateTimeOffset? FirstEntry { get; set; }
    [JsonIgnore] public DateTimeOffset? LastEntry { get; set; }
}
