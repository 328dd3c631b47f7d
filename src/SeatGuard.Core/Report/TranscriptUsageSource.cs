using System.Globalization;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Report;

/// <summary>
/// The report's usage data from Claude Code's transcripts, counted and priced by the same rules as
/// <c>seatguard usage</c> (daily by model, 5-hour blocks, the month's API-equivalent cost against a plan).
/// </summary>
public sealed class TranscriptUsageSource(HostContext host, string? configDir, string? planId, DateTimeOffset now) : IUsageReportSource
{
    /// <inheritdoc />
    public SourceResult<UsageSummary> Load(ReportPeriod period)
    {
        var data = UsageLoader.Load(host, new UsageLoadOptions { ConfigDir = configDir });
        if (data.Entries.Count == 0)
        {
            var roots = string.Join(", ", ClaudePaths.TranscriptRoots(host, configDir).Select(r => Path.Combine(r, "projects")));
            return SourceResult<UsageSummary>.None($"No Claude Code transcripts were found in {roots}.",
                "Use Claude Code on this machine (it writes transcripts as it works), or pass `--config-dir` for another config directory.");
        }
        var inPeriod = new UsageReportBuilder(data, new UsageQuery { Since = period.From, Until = period.Until, Now = now });
        var daily = inPeriod.Daily().Daily
            .SelectMany(row => row.ModelBreakdowns.Select(m => new DailyModelUsage(
                DateOnly.ParseExact(row.Date, "yyyy-MM-dd", CultureInfo.InvariantCulture), m.ModelName,
                m.InputTokens + m.OutputTokens + m.CacheCreationTokens + m.CacheReadTokens, (decimal?)m.Cost)))
            .ToList();
        var blocks = inPeriod.Blocks().Blocks.Where(b => !b.IsGap)
            .Select(b => new BlockSummary(b.Start, b.End, b.TotalTokens, (decimal)b.CostUsd, b.IsActive)).ToList();

        var monthStart = new DateOnly(period.Until.Year, period.Until.Month, 1);
        var month = new UsageReportBuilder(data, new UsageQuery { Since = monthStart, Until = period.Until, Now = now });
        var plan = planId is null ? null : PricingTable.Embedded.Data.Plans.FirstOrDefault(p => p.Id == planId);
        var monthCost = new MonthCost(monthStart.ToString("yyyy-MM", CultureInfo.InvariantCulture), (decimal)month.Totals().TotalCost, plan?.Id, (decimal?)plan?.MonthlyUsd);
        return SourceResult<UsageSummary>.Found(new UsageSummary(daily, blocks, monthCost));
    }
}
