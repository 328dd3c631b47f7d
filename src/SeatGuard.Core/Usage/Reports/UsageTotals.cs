using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Token and cost sums shared by every row type.</summary>
public class UsageTotals
{
    private double _cost;
    private bool _priced, _unpriced;
    private SortedSet<string>? _unpricedModels;

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
    /// <summary>Sum of the known costs; null when every counted model of the row has no price (unknown, never 0).</summary>
    [JsonPropertyName("totalCost")]
    public double? TotalCost
    {
        get => _unpriced && !_priced ? null : _cost;
        init { _cost = value ?? 0; _priced = value is not null; _unpriced = value is null; }
    }
    /// <summary>Models of this row without a price (their cost is not in <see cref="TotalCost"/>); absent when none.</summary>
    [JsonPropertyName("unpricedModels"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] public List<string>? UnpricedModels => _unpricedModels is null ? null : [.. _unpricedModels];

    /// <summary>True when some cost of the row is unknown.</summary>
    [JsonIgnore] public bool HasUnknownCost => _unpriced;

    internal void Add(in UsageCell c, string model, double cost, bool unpriced)
    {
        InputTokens += c.Input;
        OutputTokens += c.Output;
        CacheCreationTokens += c.CacheCreation;
        CacheReadTokens += c.CacheRead;
        TotalTokens += c.TotalTokens;
        AddCost(model, cost, unpriced);
    }

    internal void AddCost(string model, double cost, bool unpriced)
    {
        if (unpriced) (_unpricedModels ??= new(StringComparer.Ordinal)).Add(model);
        if (double.IsNaN(cost)) _unpriced = true;
        else { _cost += cost; _priced = true; }
    }

    /// <summary>Adds another row's sums (totals of several rows).</summary>
    public void AddRow(UsageTotals other)
    {
        InputTokens += other.InputTokens;
        OutputTokens += other.OutputTokens;
        CacheCreationTokens += other.CacheCreationTokens;
        CacheReadTokens += other.CacheReadTokens;
        TotalTokens += other.TotalTokens;
        if (other._priced) { _cost += other._cost; _priced = true; }
        if (other._unpriced) _unpriced = true;
        if (other._unpricedModels is { } models) (_unpricedModels ??= new(StringComparer.Ordinal)).UnionWith(models);
    }
}
