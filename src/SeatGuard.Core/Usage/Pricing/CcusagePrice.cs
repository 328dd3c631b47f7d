namespace SeatGuard.Core.Usage;

/// <summary>
/// One of ccusage 20.0.24's pricing entries, USD per token: base rates, the per-token-type rates above 200,000 tokens
/// (null: none), the fast-mode multiplier, and a models.dev context tier (every token of a request whose context is
/// above <see cref="TierSize"/> at the tier's rates; 0: none).
/// </summary>
public sealed record CcusagePrice(
    double Input, double Output, double CacheCreate, double CacheRead,
    double? InputAbove200k, double? OutputAbove200k, double? CacheCreateAbove200k, double? CacheReadAbove200k,
    double FastMultiplier)
{
    /// <summary>The models.dev context tier: prompt tokens above which every token of a request is priced at the tier rates (0: none).</summary>
    public long TierSize { get; init; }
    /// <summary>Input in the context tier (USD per token).</summary>
    public double TierInput { get; init; }
    /// <summary>Output in the context tier (USD per token).</summary>
    public double TierOutput { get; init; }
    /// <summary>Cache writes in the context tier (USD per token).</summary>
    public double TierCacheCreate { get; init; }
    /// <summary>Cache reads in the context tier (USD per token).</summary>
    public double TierCacheRead { get; init; }
}
