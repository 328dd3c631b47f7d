namespace SeatGuard.Core.Usage;

/// <summary>
/// One of ccusage 20.0.24's pricing entries, USD per token: base rates, the per-token-type rates above 200,000 tokens
/// (null: none) and the fast-mode multiplier.
/// </summary>
public sealed record CcusagePrice(
    double Input, double Output, double CacheCreate, double CacheRead,
    double? InputAbove200k, double? OutputAbove200k, double? CacheCreateAbove200k, double? CacheReadAbove200k,
    double FastMultiplier);
