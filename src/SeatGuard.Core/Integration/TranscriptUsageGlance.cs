using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Integration;

/// <summary>
/// The status line's usage numbers from Claude Code's transcripts, counted like <c>seatguard usage</c>:
/// the active 5-hour block (tokens, cost, end) and today's cost in the local time zone. Reads only
/// transcripts touched in the last 30 hours, through the incremental usage cache, so a warm call reads
/// little more than the cache's snapshot row.
/// </summary>
public sealed class TranscriptUsageGlance(string? configDir = null, TimeZoneInfo? timeZone = null) : IUsageGlance
{
    public UsageGlance? Get(HostContext host, DateTimeOffset now)
    {
        var data = UsageLoader.Load(host, new UsageLoadOptions { ConfigDir = configDir, ModifiedSince = now.AddHours(-30) });
        if (data.Entries.Count == 0) return null;
        var zone = timeZone ?? TimeZoneInfo.Local;
        var recent = new UsageReports(data, new UsageQuery { Now = now, TimeZone = zone });
        var block = recent.ActiveBlock();
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, zone).DateTime);
        var todays = new UsageReports(data, new UsageQuery { Now = now, TimeZone = zone, Since = today, Until = today });
        return new UsageGlance(block?.TotalTokens ?? 0, (decimal)(block?.CostUsd ?? 0), block?.End, (decimal)todays.Totals().TotalCost);
    }
}
