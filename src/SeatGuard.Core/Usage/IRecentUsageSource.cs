using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Where the status line gets its usage numbers. Must answer fast (it runs on every message): only what
/// changed is read. <c>null</c> means "no usage known" and the line shows billing only.
/// </summary>
public interface IRecentUsageSource
{
    /// <summary>The active block and today's usage, or null when none can be read.</summary>
    RecentUsage? Read(HostContext host, DateTimeOffset now);
}
