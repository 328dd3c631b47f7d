using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The recent usage from Claude Code's transcripts, counted like <c>seatguard usage</c>: only transcripts written
/// since the earlier of local midnight and 10 hours ago (enough for the active block and today), through the cache.
/// </summary>
public sealed class RecentUsageReader(string? configDir = null, TimeZoneInfo? timeZone = null, string? cachePath = null, CostMode mode = CostMode.Anthropic) : IRecentUsageSource
{
    /// <inheritdoc />
    public RecentUsage? Read(HostContext host, DateTimeOffset now)
    {
        var usage = Build(host, now);
        return usage.IsEmpty ? null : usage;
    }

    /// <summary>The active block and today's totals, also when both are empty.</summary>
    public RecentUsage Build(HostContext host, DateTimeOffset now)
    {
        var zone = timeZone ?? TimeZoneInfo.Local;
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var midnight = new DateTimeOffset(localNow.Date, localNow.Offset);
        var from = midnight < now.AddHours(-10) ? midnight : now.AddHours(-10);
        var data = UsageLoader.Load(host, new UsageLoadOptions { ConfigDir = configDir, CachePath = cachePath, ModifiedSince = from.AddMinutes(-5) });
        var query = new UsageQuery { TimeZone = zone, Now = now, CostMode = mode };
        var all = new UsageReportBuilder(data, query);
        var todays = new UsageReportBuilder(data, query with { Since = today, Until = today });
        return new RecentUsage(all.ActiveBlock(), todays.Totals(), all.UnknownModels, data.MalformedLines);
    }
}
