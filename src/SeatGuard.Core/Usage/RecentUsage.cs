namespace SeatGuard.Core.Usage;

/// <summary>What a status line shows: the active 5-hour block and today's totals.</summary>
/// <param name="ActiveBlock">The active block (tokens, cost, burn rate, projection), or null.</param>
/// <param name="Today">Today's tokens and cost in the given time zone.</param>
/// <param name="UnknownModels">Models without a price.</param>
/// <param name="MalformedLines">Transcript lines that could not be read.</param>
public sealed record RecentUsage(BlockRow? ActiveBlock, UsageTotals Today, IReadOnlyCollection<string> UnknownModels, int MalformedLines)
{
    /// <summary>Nothing was used recently.</summary>
    public bool IsEmpty => ActiveBlock is null && Today.TotalTokens == 0;
}
