using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One 5-hour block (or a gap between blocks), as ccusage reports it.</summary>
public sealed class BlockRow
{
    private readonly UsageTotals _cost = new();

    /// <summary>The block's id: its start time (ISO 8601), or <c>gap-</c> and the gap's start for a gap.</summary>
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
    /// <summary>The known cost; null when every model of the block has no price (unknown, never 0).</summary>
    [JsonPropertyName("costUSD")] public double? CostUsd => IsGap ? 0 : _cost.TotalCost;
    /// <summary>The models used in the block.</summary>
    [JsonPropertyName("models")] public List<string> Models { get; init; } = [];
    /// <summary>Models of the block without a price; absent when none.</summary>
    [JsonPropertyName("unpricedModels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? UnpricedModels => _cost.UnpricedModels;
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
    /// <summary>True when part of the block's cost is unknown.</summary>
    [JsonIgnore] public bool HasUnknownCost => _cost.HasUnknownCost;
    /// <summary>The known part of the cost (0 when none is known), for rates and projections.</summary>
    [JsonIgnore] public double KnownCost => _cost.TotalCost ?? 0;

    internal void AddCost(string model, double cost, bool unpriced) => _cost.AddCost(model, cost, unpriced);
}
