using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>What a status line shows: the active 5-hour block and today's totals.</summary>
/// <param name="ActiveBlock">The active block (tokens, cost, burn rate, projection), or null.</param>
/// <param name="Today">Today's tokens and cost in the given time zone.</param>
public sealed record RecentUsage(BlockRow? ActiveBlock, UsageTotals Today, IReadOnlyCollection<string> UnknownModels, int MalformedLines);

public static class UsageGlanceBuilder
{
    /// <summary>
    /// Loads only transcripts written since the earlier of local midnight and 10 hours ago (enough for the active block
    /// and today), through the cache, and returns the active block and today's totals.
    /// </summary>
    public static RecentUsage Build(HostContext host, DateTimeOffset now, TimeZoneInfo timeZone, CostMode mode = CostMode.Anthropic,
        string? configDir = null, string? cachePath = null)
    {
        var localNow = TimeZoneInfo.ConvertTime(now, timeZone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var midnight = new DateTimeOffset(localNow.Date, localNow.Offset);
        var from = midnight < now.AddHours(-10) ? midnight : now.AddHours(-10);
        var data = UsageLoader.Load(host, new UsageLoadOptions { ConfigDir = configDir, CachePath = cachePath, ModifiedSince = from.AddMinutes(-5) });
        var query = new UsageQuery { TimeZone = timeZone, Now = now, CostMode = mode };
        var all = new UsageReports(data, query);
        var todays = new UsageReports(data, query with { Since = today, Until = today });
        return new RecentUsage(all.ActiveBlock(), todays.Totals(), all.UnknownModels, data.MalformedLines);
    }
}
