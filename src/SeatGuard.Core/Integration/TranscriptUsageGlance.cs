using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>
/// The status line's usage numbers from Claude Code's transcripts, counted like <c>seatguard usage</c>
/// (<see cref="UsageGlanceBuilder"/>: only recently written transcripts, through the incremental cache):
/// the active 5-hour block's tokens, cost and end, and today's cost in the local time zone.
/// </summary>
public sealed class TranscriptUsageGlance(string? configDir = null, TimeZoneInfo? timeZone = null) : IUsageGlance
{
    public UsageGlance? Get(HostContext host, DateTimeOffset now)
    {
        var glance = UsageGlanceBuilder.Build(host, now, timeZone ?? TimeZoneInfo.Local, configDir: configDir);
        var block = glance.ActiveBlock;
        if (block is null && glance.Today.TotalTokens == 0) return null;
        return new UsageGlance(block?.TotalTokens ?? 0, (decimal)(block?.CostUsd ?? 0), block?.End, (decimal)glance.Today.TotalCost);
    }
}
