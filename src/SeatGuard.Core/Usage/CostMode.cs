namespace SeatGuard.Core.Usage;

/// <summary>Whose prices and rules compute costs.</summary>
public enum CostMode
{
    /// <summary>Anthropic's published prices and rules (<see cref="PriceBook"/>): dated rates, prompt bands over every token of a request, fast mode, regional multipliers.</summary>
    Anthropic,
    /// <summary>ccusage 20.0.24's figures (<see cref="CcusagePricing"/>): its price snapshot, fuzzy model matching, $0 for models it does not know, its per-token-type 200k tier.</summary>
    Ccusage,
}
