namespace SeatGuard.Core.Usage;

/// <summary>
/// The time around an instant within which a pricing answer cannot change: every dated interval the answer looked at
/// (a rate period, a fast-mode period, a regional multiplier) either covers the whole span or none of it. A pricer
/// that keeps an answer with its span asks again only for an instant outside it.
/// </summary>
public struct RateSpan
{
    /// <summary>The first instant (Unix milliseconds) of the span.</summary>
    public long FromMs;
    /// <summary>The instant after the span's last one.</summary>
    public long UntilMs;

    /// <summary>All of time: nothing narrowed it yet.</summary>
    public static RateSpan All => new() { FromMs = long.MinValue, UntilMs = long.MaxValue };

    /// <summary>True when <paramref name="timestampMs"/> lies in the span.</summary>
    public readonly bool Contains(long timestampMs) => timestampMs >= FromMs && timestampMs < UntilMs;

    /// <summary>Narrows the span around <paramref name="timestampMs"/> to one side of an instant where an answer may change.</summary>
    public void Split(long timestampMs, long boundaryMs)
    {
        if (boundaryMs <= timestampMs) FromMs = Math.Max(FromMs, boundaryMs);
        else UntilMs = Math.Min(UntilMs, boundaryMs);
    }

    /// <summary>Narrows the span around <paramref name="timestampMs"/> so that [<paramref name="fromMs"/>, <paramref name="untilMs"/>) covers all of it or none.</summary>
    public void Split(long timestampMs, long fromMs, long untilMs)
    {
        if (fromMs != long.MinValue) Split(timestampMs, fromMs);
        if (untilMs != long.MaxValue) Split(timestampMs, untilMs);
    }
}
