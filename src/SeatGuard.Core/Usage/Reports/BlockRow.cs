using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

public sealed class BlockRow
{
    private readonly UsageTotals _cost = new();

    [JsonPropertyName("id")] public required string Id { get; init; }
    [JsonPropertyName("startTime")] public required string StartTime { get; init; }
    [JsonPropertyName("endTime")] public required string EndTime { get; init; }
    [JsonPropertyName("actualEndTime")] public string? ActualEndTime { get; set; }
    [JsonPropertyName("isActive")] public bool IsActive { get; set; }
    [JsonPropertyName("isGap")] public bool IsGap { get; init; }
    [JsonPropertyName("entries")] public int Entries { get; set; }
    [JsonPropertyName("tokenCounts")] public BlockTokenCounts TokenCounts { get; init; } = new();
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    /// <summary>The known cost; null when every model of the block has no price (unknown, never 0).</summary>
    [JsonPropertyName("costUSD")] public double? CostUsd => IsGap ? 0 : _cost.TotalCost;
    [JsonPropertyName("models")] public List<string> Models { get; init; } = [];
    /// <summary>Models of the block without a price; absent when none.</summary>
    [JsonPropertyName("unpricedModels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? UnpricedModels => _cost.UnpricedModels;
    [JsonPropertyName("burnRate")] public BurnRate? BurnRate { get; set; }
    [JsonPropertyName("projection")] public BlockProjection? Projection { get; set; }
    [JsonPropertyName("tokenLimitStatus"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public TokenLimitStatus? TokenLimitStatus { get; set; }

    [JsonIgnore] public DateTimeOffset Start { get; init; }
    [JsonIgnore] public DateTimeOffset End { get; init; }
    [JsonIgnore] public DateTimeOffset? FirstEntry { get; set; }
    [JsonIgnore] public DateTimeOffset? LastEntry { get; set; }
    /// <summary>True when part of the block's cost is unknown.</summary>
    [JsonIgnore] public bool HasUnknownCost => _cost.HasUnknownCost;
    /// <summary>The known part of the cost (0 when none is known), for rates and projections.</summary>
    [JsonIgnore] public double KnownCost => _cost.TotalCost ?? 0;

    internal void AddCost(string model, double cost, bool unpriced) => _cost.AddCost(model, cost, unpriced);
}
