namespace SeatGuard.Core.Usage;

/// <summary>Prices <see cref="UsageCell"/>s for one query: by the price book (Anthropic's rules) or as ccusage 20.0.24 would.</summary>
internal sealed class CellPricer
{
    private readonly UsageCells _cells;
    private readonly CostMode _mode;
    private readonly CostSource _source;
    private readonly PriceBook _book;
    private readonly PricedModel?[] _models;
    private readonly CcusagePrice?[] _ccusage;
    private readonly bool[] _resolved;
    /// <summary>Per model, region, mode and prompt class: the last card (regional factor applied) and the time it holds for.</summary>
    private readonly (RateSpan Span, Rates? Card)[]? _cards;
    private readonly int _geoCount, _promptClasses;

    /// <summary>Above this many model × region × mode × prompt-class combinations (hostile transcripts), cards are not kept.</summary>
    private const int MaxKeptCards = 1 << 16;

    public CellPricer(UsageCells cells, UsageQuery query)
    {
        _cells = cells;
        _mode = query.CostMode;
        _source = query.EffectiveCostSource;
        _book = query.Pricing;
        _models = new PricedModel?[cells.Models.Count];
        _ccusage = new CcusagePrice?[cells.Models.Count];
        _resolved = new bool[cells.Models.Count];
        (_geoCount, _promptClasses) = (Math.Max(1, cells.Geos.Count), cells.Thresholds.Length + 1);
        long combinations = (long)cells.Models.Count * _geoCount * 2 * _promptClasses;
        if (_mode == CostMode.Anthropic && combinations <= MaxKeptCards) _cards = new (RateSpan, Rates?)[combinations];
    }

    /// <summary>
    /// The cell's cost in USD: NaN when its model has no price under Anthropic pricing (unknown, never 0);
    /// <paramref name="unpriced"/> when the model has no price (ccusage mode then counts 0, as ccusage does).
    /// </summary>
    public double Cost(in UsageCell c, out bool unpriced)
    {
        unpriced = false;
        if (c.HasCostUsd && _source != CostSource.Calculate) return c.CostUsdNanos / 1e9;
        if (_source == CostSource.Display) return 0;
        var name = _cells.Models[c.Model];
        if (!_resolved[c.Model])
        {
            _resolved[c.Model] = true;
            if (_mode == CostMode.Anthropic) _models[c.Model] = _book.Find(name);
            else if (name.Length > 0) _ccusage[c.Model] = CcusagePricing.Embedded.Find(name);
        }
        if (_mode == CostMode.Ccusage)
        {
            if (name.Length == 0) return 0;
            if (_ccusage[c.Model] is not { } p)
            {
                unpriced = c.TotalTokens > 0;
                return 0;
            }
            // A models.dev tier is decided per request: exact for tiers at the cells' thresholds (ccusage's Claude tiers
            // are all 200K), else judged from the cell's prompt class.
            bool aboveTier = p.TierSize > 0 && _cells.RepresentativePrompt(c.PromptClass) > p.TierSize;
            return CcusagePricing.Cost(p, c.Fast, c.Input, c.Output, c.Cache5m, c.Cache1h, c.CacheRead,
                c.InputAbove, c.OutputAbove, c.Cache5mAbove, c.Cache1hAbove, c.CacheReadAbove, aboveTier);
        }
        if (_models[c.Model] is not { } m)
        {
            unpriced = c.TotalTokens > 0 || c.WebSearch > 0;
            return unpriced ? double.NaN : 0;
        }
        return CardOf(m, c).Price(c.Input, c.Output, c.Cache5m, c.Cache1h, c.CacheRead) + c.WebSearch * _book.WebSearchUsd;
    }

    /// <summary>The cell's card with its regional factor, looked up again only when the cell's time leaves the span of the last.</summary>
    private Rates CardOf(PricedModel m, in UsageCell c)
    {
        if (_cards is null) return Card(m, c, out _);
        ref var kept = ref _cards[((c.Model * _geoCount + c.Geo) * 2 + (c.Fast ? 1 : 0)) * _promptClasses + c.PromptClass];
        if (kept.Card is null || !kept.Span.Contains(c.MinMs))
        {
            var card = Card(m, c, out var span);
            kept = (span, card);
        }
        return kept.Card!;
    }

    private Rates Card(PricedModel m, in UsageCell c, out RateSpan span)
    {
        span = RateSpan.All;
        var card = m.CardFor(c.MinMs, c.Fast, _cells.RepresentativePrompt(c.PromptClass), ref span);
        return card.Times(_book.RegionalFactor(_cells.Geos[c.Geo], c.MinMs, ref span));
    }
}
