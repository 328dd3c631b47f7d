using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>The usage part of the status line: the active block's tokens, cost and end, and today's cost (null: unknown, a model without a price).</summary>
public sealed record StatusLineUsage(long BlockTokens, decimal? BlockCost, DateTimeOffset? BlockEnds, decimal? TodayCost)
{
    /// <summary>The status line's usage from the recent usage (unknown costs stay null).</summary>
    public static StatusLineUsage From(RecentUsage usage) => new(usage.ActiveBlock?.TotalTokens ?? 0,
        usage.ActiveBlock is { } block ? (decimal?)block.CostUsd : 0, usage.ActiveBlock?.End, (decimal?)usage.Today.TotalCost);
}
