namespace SeatGuard.Core.Usage;

/// <summary>What a transcript line's own <c>costUSD</c> counts for (ccusage's <c>--mode</c>).</summary>
public enum CostSource
{
    /// <summary>Always priced from tokens; <c>costUSD</c> ignored (SeatGuard's default under Anthropic pricing).</summary>
    Calculate,
    /// <summary><c>costUSD</c> when the line has one, else priced from tokens (ccusage's default).</summary>
    Auto,
    /// <summary>Only <c>costUSD</c>; a line without one costs 0.</summary>
    Display,
}
