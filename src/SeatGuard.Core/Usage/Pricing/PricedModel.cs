namespace SeatGuard.Core.Usage;

/// <summary>
/// A price-book model compiled for pricing: its standard periods (sorted, bands sorted by threshold) and fast periods,
/// with <c>sameRatesAs</c> resolved.
/// </summary>
public sealed class PricedModel
{
    /// <summary>The canonical model id (first-party, without a date where an undated alias exists).</summary>
    public required string Id { get; init; }
    /// <summary>The model's name for people, e.g. "Claude Opus 4.6".</summary>
    public string? DisplayName { get; init; }
    /// <summary>The model family (opus, sonnet, haiku, fable, mythos).</summary>
    public string? Family { get; init; }
    /// <summary>Standard rates by period, oldest first (a dated rate change starts a period).</summary>
    public required RatePeriod[] Periods { get; init; }
    /// <summary>Fast-mode rates by period (empty: fast requests are priced at the standard rates).</summary>
    public required RatePeriod[] FastPeriods { get; init; }
    /// <summary>The entry as the book spells it.</summary>
    public required ModelPrice Source { get; init; }

    /// <summary>The standard period that covers <paramref name="timestampMs"/>: before the first, the first; after the last, the last.</summary>
    public RatePeriod PeriodAt(long timestampMs)
    {
        for (int i = 0; i < Periods.Length; i++)
        {
            if (timestampMs < Periods[i].UntilMs) return Periods[i];
        }
        return Periods[^1];
    }

    /// <summary>The fast period that covers <paramref name="timestampMs"/>, or null (fast requests then cost the standard rates).</summary>
    public RatePeriod? FastPeriodAt(long timestampMs)
    {
        foreach (var p in FastPeriods)
        {
            if (p.Covers(timestampMs)) return p;
        }
        return null;
    }

    /// <summary>
    /// The rate card of one request: the fast card when it ran in fast mode and a fast period covers it, else the standard
    /// card of its period, or of the highest band its prompt is above.
    /// </summary>
    public Rates CardFor(long timestampMs, bool fast, long promptTokens)
    {
        var span = RateSpan.All;
        return CardFor(timestampMs, fast, promptTokens, ref span);
    }

    /// <summary>
    /// <see cref="CardFor(long, bool, long)"/>, narrowing <paramref name="span"/> to the time around
    /// <paramref name="timestampMs"/> in which the same request (same mode and prompt) gets the same card.
    /// </summary>
    public Rates CardFor(long timestampMs, bool fast, long promptTokens, ref RateSpan span)
    {
        if (fast)
        {
            foreach (var p in FastPeriods) span.Split(timestampMs, p.FromMs, p.UntilMs);
            if (FastPeriodAt(timestampMs) is { } f) return f.Card;
        }
        // PeriodAt's answer changes only where a period ends.
        foreach (var p in Periods)
        {
            if (p.UntilMs != long.MaxValue) span.Split(timestampMs, p.UntilMs);
        }
        var period = PeriodAt(timestampMs);
        var card = period.Card;
        if (period.Bands is { } bands)
        {
            foreach (var b in bands)
            {
                if (promptTokens > b.Above) card = b.Card;
            }
        }
        return card;
    }
}
