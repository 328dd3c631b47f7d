using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One 5-hour block (or a gap between blocks), as ccusage reports it.</summary>
public sealed class BlockRow
{
    /// <summary>The block's id (its start time).</summary>
    [JsonPropertyName("id")] public required string Id { get; init; }
    /// <summary>Start (ISO 8601).</summary>
    [JsonPropertyName("startTime")] public required string StartTime { get; init; }
    /// <summary>End: start plus five hours (ISO 8601).</summary>
    [JsonPropertyName("endTime")] public required string EndTime { get; init; }
    /// <summary>The last entry's time (ISO 8601), or null.</summary>
    [JsonPropertyName("actualEndTime")] public string? ActualEndTime { get; set; }
    /// <summary>Whether the block is still running.</summary>
    [JsonPropertyName("isActive")] public bool IsActive { get; set; }
    /// <summary>Whether this is a gap between blocks.</summary>
    [JsonPropertyName("isGap")] public bool IsGap { get; init; }
    /// <summary>Counted entries.</summary>
    [JsonPropertyName("entries")] public int Entries { get; set; }
    /// <summary>Tokens by kind.</summary>
    [JsonPropertyName("tokenCounts")] public BlockTokenCounts TokenCounts { get; init; } = new();
    /// <summary>All tokens.</summary>
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    /// <summary>Cost in dollars.</summary>
    [JsonPropertyName("costUSD")] public double CostUsd { get; set; }
    /// <summary>Models used.</summary>
    [JsonPropertyName("models")] public List<string> Models { get; init; } = [];
    /// <summary>The active block's burn rate, or null.</summary>
    [JsonPropertyName("burnRate")] public BurnRate? BurnRate { get; set; }
    /// <summary>The active block's projection, or null.</summary>
    [JsonPropertyName("projection")] public BlockProjection? Projection { get; set; }
    /// <summary>Against --token-limit, when given.</summary>
    [JsonPropertyName("tokenLimitStatus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TokenLimitStatus? TokenLimitStatus { get; set; }

    /// <summary>Start.</summary>
    [JsonIgnore] public DateTimeOffset Start { get; init; }
    /// <summary>End.</summary>
    [JsonIgnore] public DateTimeOffset End { get; init; }
    /// <summary>The first entry's time.</summary>
    [JsonIgnore] public DateTimeOffset? FirstEntry { get; set; }
    /// <summary>The last entry's time.</summary>
    [JsonIgnore] public DateTimeOffset? LastEntry { get; set; }
}
