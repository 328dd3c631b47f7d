using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The recent usage from Claude Code's transcripts, counted like <c>seatguard usage</c>: only transcripts written in
/// the last eight days (the week the active block is looked for in, and today), through a store of their own.
/// </summary>
public sealed class RecentUsageReader(string? configDir = null, TimeZoneInfo? timeZone = null, string? cachePath = null, CostMode mode = CostMode.Anthropic, PriceBook? pricing = null) : IRecentUsageSource
{
    /// <inheritdoc />
    public RecentUsage? Read(HostContext host, DateTimeOffset now)
    {
        var usage = Build(host, now);
        return usage.IsEmpty ? null : usage;
    }

    /// <summary>The effective price book (imported and user layers included); the embedded one when a layer is broken (the status line never fails).</summary>
    private static PriceBook BookFor(HostContext host)
    {
        try { return PricingStore.Load(host); }
        catch (Exception e) when (e is InputException or IOException or UnauthorizedAccessException) { return PriceBook.Embedded; }
    }

    /// <summary>The active block and today's totals, also when both are empty.</summary>
    public RecentUsage Build(HostContext host, DateTimeOffset now)
    {
        var zone = timeZone ?? TimeZoneInfo.Local;
        var localNow = TimeZoneInfo.ConvertTime(now, zone);
        var today = DateOnly.FromDateTime(localNow.DateTime);
        var midnight = new DateTimeOffset(localNow.Date, localNow.Offset);
        var from = midnight < now.AddHours(-10) ? midnight : now.AddHours(-10);
        var book = pricing ?? BookFor(host);
        // A store of its own holding only the files written in the last eight days or so (the week the active block is
        // looked for in, and today): reading and updating it after each message costs a few days of transcripts, not the
        // whole history. A new one starts each UTC day; a file older than its start cannot hold a line of the window.
        var epoch = DateOnly.FromDateTime(now.UtcDateTime.AddDays(-8));
        var since = new DateTimeOffset(epoch.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (from.AddMinutes(-5) < since) since = from.AddMinutes(-5); // a zone more than 14 hours behind UTC (none today)
        var data = UsageLoader.Load(host, new UsageLoadOptions
        {
            ConfigDir = configDir, CachePath = cachePath, ModifiedSince = since, Pricing = book,
            StoreScope = "recent-" + epoch.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture),
        });
        var query = new UsageQuery { TimeZone = zone, Now = now, CostMode = mode, Pricing = book };
        // The active block starts after the last gap of 5 hours; a week of history is more than enough to find it.
        var all = new UsageReportBuilder(data, query with { Since = DateOnly.FromDateTime(localNow.DateTime).AddDays(-7) });
        var todays = new UsageReportBuilder(data, query with { Since = today, Until = today });
        return new RecentUsage(all.ActiveBlock(), todays.Totals(), all.UnknownModels, data.MalformedLines);
    }
}
