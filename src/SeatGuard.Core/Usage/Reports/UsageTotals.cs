using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Token and cost sums shared by every row type.</summary>
public class UsageTotals
{
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    [JsonPropertyName("totalTokens")] public long TotalTokens { get; set; }
    /// <summary>Sum of the known costs (unknown models are listed in warnings).</summary>
    [JsonPropertyName("totalCost")] public double TotalCost { get; set; }

    internal void Add(in UsageEntry e, double cost)
    {
        InputTokens += e.InputTokens;
        OutputTokens += e.OutputTokens;
        CacheCreationTokens += e.CacheCreationTokens;
        CacheReadTokens += e.CacheReadTokens;
        TotalTokens += e.TotalTokens;
        if (!double.IsNaN(cost)) TotalCost += cost;
    }
}
