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
    public long TierSize { get; init; }
    public double TierInput { get; init; }
    public double TierOutput { get; init; }
    public double TierCacheCreate { get; init; }
    public double TierCacheRead { get; init; }
}
