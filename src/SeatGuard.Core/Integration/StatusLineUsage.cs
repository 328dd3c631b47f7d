using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>The usage part of the status line: the active block's tokens, cost and end, and today's cost.</summary>
public sealed record StatusLineUsage(long BlockTokens, decimal BlockCost, DateTimeOffset? BlockEnds, decimal TodayCost)
{
    /// <summary>The status line's numbers from recent usage.</summary>
    public static StatusLineUsage From(RecentUsage usage) => new(usage.ActiveBlock?.TotalTokens ?? 0, (decimal)(usage.ActiveBlock?.CostUsd ?? 0),
        usage.ActiveBlock?.End, (decimal)usage.Today.TotalCost);
}
