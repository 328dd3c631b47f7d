using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>Usage numbers the status line shows beside the billing source: the active 5-hour block and today.</summary>
public sealed record UsageGlance(long BlockTokens, decimal BlockCost, DateTimeOffset? BlockEnds, decimal TodayCost);

/// <summary>
/// Where the status line gets its usage numbers. Must answer fast (it runs every few seconds): a cache
/// lookup, never a full transcript scan. <c>null</c> means "no usage known" and the line shows billing only.
/// </summary>
public interface IUsageGlance
{
    UsageGlance? Get(HostContext host, DateTimeOffset now);
}

/// <summary>No usage numbers (until the usage capability provides a cached implementation).</summary>
public sealed class NullUsageGlance : IUsageGlance
{
    public static NullUsageGlance Instance { get; } = new();

    public UsageGlance? Get(HostContext host, DateTimeOffset now) => null;
}
