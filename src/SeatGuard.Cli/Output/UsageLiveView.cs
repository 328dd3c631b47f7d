using System.Globalization;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Usage;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>
/// <c>usage blocks --live</c>: the active block in a Spectre.Console live display. Every two seconds it compares the
/// transcripts' sizes and times and reloads (through the incremental cache) only when one changed, so an idle view
/// costs a directory listing.
/// </summary>
internal static class UsageLiveView
{
    public static async Task RunAsync(Terminal terminal, HostContext host, UsageRequest request, Func<DateTimeOffset> now, CancellationToken ct)
    {
        var (load, query, tokenLimit) = (request.Load, request.Query, request.TokenLimit);
        var roots = load.Roots ?? ClaudePaths.TranscriptRoots(host, load.ConfigDir);
        string? lastStamp = null;
        Spectre.Console.Rendering.IRenderable view = new Text("loading…");
        await terminal.Console_.Live(view).AutoClear(false).StartAsync(async ctx =>
        {
            while (!ct.IsCancellationRequested)
            {
                var files = TranscriptFiles.Find(roots, load.Project);
                var stamp = string.Join('|', files.Select(f => f.Size + ":" + f.LastWriteUtc.Ticks)) + "|" + now().UtcDateTime.ToString("yyyyMMddHHmm", CultureInfo.InvariantCulture);
                if (stamp != lastStamp)
                {
                    lastStamp = stamp;
                    var at = now();
                    var data = UsageLoader.Load(host, load with { ModifiedSince = at.AddHours(-6) });
                    var reports = new UsageReportBuilder(data, query with { Since = null, Until = null, Now = at });
                    long? limit = UsageWorkflow.ParseTokenLimit(tokenLimit, reports);
                    ctx.UpdateTarget(Render(reports.Blocks(limit).Blocks.LastOrDefault(b => b.IsActive), limit, query.TimeZone, at));
                }
                try { await Task.Delay(TimeSpan.FromSeconds(2), ct); } catch (OperationCanceledException) { break; }
            }
        });
    }

    private static Spectre.Console.Rendering.IRenderable Render(BlockRow? block, long? limit, TimeZoneInfo tz, DateTimeOffset now)
    {
        if (block is null) return new Panel(new Text("No active 5-hour block.")).Header("seatguard usage blocks --live");
        var grid = new Grid().AddColumn().AddColumn();
        string T(DateTimeOffset t) => TimeZoneInfo.ConvertTime(t, tz).ToString("HH:mm", CultureInfo.InvariantCulture);
        grid.AddRow("Block", $"{T(block.Start)} – {T(block.End)} ({block.Projection?.RemainingMinutes ?? (long)Math.Max(0, (block.End - now).TotalMinutes)} min to reset)");
        grid.AddRow("Tokens", block.TotalTokens.ToString("N0", CultureInfo.InvariantCulture) + (limit is { } l ? $" of {l:N0} ({block.TotalTokens * 100d / l:0.0}%)" : ""));
        grid.AddRow("Cost", UsageTables.Usd(block.CostUsd, block.HasUnknownCost && block.CostUsd is not null));
        grid.AddRow("Burn rate", block.BurnRate is { } r ? $"{r.TokensPerMinute:N0} tokens/min, ${r.CostPerHour:0.00}/h" : "-");
        grid.AddRow("Projection", block.Projection is { } p ? $"{p.TotalTokens:N0} tokens, ${p.TotalCost:0.00}" + (block.TokenLimitStatus is { } s ? $" ({s.Status})" : "") : "-");
        grid.AddRow("Models", TerminalText.Markup(string.Join(", ", block.Models)));
        return new Panel(grid).Header("seatguard usage blocks --live (Ctrl+C ends)");
    }
}
