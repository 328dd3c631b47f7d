using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Token and cost sums shared by every row type.</summary>
public class UsageTotals
{
    /// <summary>Input tokens.</summary>
    [JsonPropertyName("inputTokens")] public long InputTokens { get; set; }
    /// <summary>Output tokens.</summary>
    [JsonPropertyName("outputTokens")] public long OutputTokens { get; set; }
    /// <summary>Cache-creation tokens.</summary>
    [JsonPropertyName("cacheCreationTokens")] public long CacheCreationTokens { get; set; }
    /// <summary>Cache-read tokens.</summary>
    [JsonPropertyName("cacheReadTokens")] public long CacheReadTokens { get; set; }
    /// <summary>All tokens.</summary>
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
