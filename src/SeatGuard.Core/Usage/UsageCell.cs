namespace SeatGuard.Core.Usage;

/// <summary>
/// The sums of the counted entries that share everything a report or a price can tell apart: a quarter-hour slot of
/// UTC time (every real time zone's offset and day start is a multiple of 15 minutes, and 5-hour blocks start on the
/// hour, so a slot never straddles a day or a block boundary), a session, a model, a region, fast mode, whether the
/// line carried its own <c>costUSD</c>, and which of the price book's prompt-band thresholds the request's prompt is
/// above. Costs are linear in these sums (ccusage's per-token-type 200k tier too, through the summed excesses), so a
/// report prices cells, not entries.
/// </summary>
public struct UsageCell
{
    /// <summary>A quarter hour in milliseconds.</summary>
    public const long SlotMs = 15 * 60 * 1000;

    // Key
    /// <summary>The quarter-hour slot (see <see cref="SlotOf"/>).</summary>
    public long Slot;
    /// <summary>Index into <see cref="UsageCells.Sessions"/>.</summary>
    public int Session;
    /// <summary>Index into <see cref="UsageCells.Models"/>.</summary>
    public int Model;
    /// <summary>Index into <see cref="UsageCells.Geos"/> (0: no region recorded).</summary>
    public int Geo;
    /// <summary><see cref="FastFlag"/> and <see cref="CostUsdFlag"/>.</summary>
    public byte Flags;
    /// <summary>How many of the book's band thresholds the request's prompt is above.</summary>
    public byte PromptClass;

    // Sums
    /// <summary>Entries summed.</summary>
    public int Count;
    /// <summary>The first and last entry time (Unix milliseconds).</summary>
    public long MinMs, MaxMs;
    /// <summary>Token sums by type, and web-search requests.</summary>
    public long Input, Output, Cache5m, Cache1h, CacheRead, WebSearch;
    /// <summary>Token sums above ccusage's 200k threshold, per type (for its tiered pricing).</summary>
    public long InputAbove, OutputAbove, Cache5mAbove, Cache1hAbove, CacheReadAbove;
    /// <summary>The lines' own <c>costUSD</c>, summed in nano-dollars (integers add and subtract exactly, in any order).</summary>
    public long CostUsdNanos;

    /// <summary>Flag bits: fast mode; the lines carried their own costUSD.</summary>
    public const byte FastFlag = 1, CostUsdFlag = 2;

    /// <summary>Fast-mode requests.</summary>
    public readonly bool Fast => (Flags & FastFlag) != 0;
    /// <summary>The lines carried their own costUSD.</summary>
    public readonly bool HasCostUsd => (Flags & CostUsdFlag) != 0;
    /// <summary>Cache writes, 5-minute and 1-hour.</summary>
    public readonly long CacheCreation => Cache5m + Cache1h;
    /// <summary>All tokens.</summary>
    public readonly long TotalTokens => Input + Output + Cache5m + Cache1h + CacheRead;

    /// <summary>
    /// The slot of an instant: an instant on a quarter hour has a slot of its own (even), the open quarter after it the
    /// next (odd), so slots sort like time and no slot holds both sides of a boundary.
    /// </summary>
    public static long SlotOf(long timestampMs)
    {
        long q = Math.DivRem(timestampMs, SlotMs, out long r);
        if (r < 0) { q--; r += SlotMs; }
        return r == 0 ? 2 * q : 2 * q + 1;
    }

    /// <summary>USD as whole nano-dollars (a <c>costUSD</c> beyond ±9 billion dollars is clamped).</summary>
    public static long Nanos(double usd) => double.IsFinite(usd) ? (long)Math.Round(Math.Clamp(usd, -9e9, 9e9) * 1e9) : 0;

    /// <summary>Adds the sums of a cell with the same key.</summary>
    internal void Merge(in UsageCell other)
    {
        Count += other.Count;
        Input += other.Input;
        Output += other.Output;
        Cache5m += other.Cache5m;
        Cache1h += other.Cache1h;
        CacheRead += other.CacheRead;
        WebSearch += other.WebSearch;
        InputAbove += other.InputAbove;
        OutputAbove += other.OutputAbove;
        Cache5mAbove += other.Cache5mAbove;
        Cache1hAbove += other.Cache1hAbove;
        CacheReadAbove += other.CacheReadAbove;
        CostUsdNanos += other.CostUsdNanos;
        MinMs = Math.Min(MinMs, other.MinMs);
        MaxMs = Math.Max(MaxMs, other.MaxMs);
    }

    internal void Add(in UsageEntry e, int sign)
    {
        Count += sign;
        Input += sign * e.InputTokens;
        Output += sign * e.OutputTokens;
        Cache5m += sign * e.CacheWrite5mTokens;
        Cache1h += sign * e.CacheWrite1hTokens;
        CacheRead += sign * e.CacheReadTokens;
        WebSearch += sign * e.WebSearchRequests;
        InputAbove += sign * CcusagePricing.Excess(e.InputTokens);
        OutputAbove += sign * CcusagePricing.Excess(e.OutputTokens);
        Cache5mAbove += sign * CcusagePricing.Excess(e.CacheWrite5mTokens);
        Cache1hAbove += sign * CcusagePricing.Excess(e.CacheWrite1hTokens);
        CacheReadAbove += sign * CcusagePricing.Excess(e.CacheReadTokens);
        if (e.HasCostUsd) CostUsdNanos += sign * Nanos(e.CostUsd);
    }
}
