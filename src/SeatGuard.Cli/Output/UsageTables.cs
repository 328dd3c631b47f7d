using System.Globalization;
using System.Text;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Usage;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>Human and CSV renderings of the usage reports.</summary>
internal static class UsageTables
{
    /// <summary>The report as JSON (ccusage's shape), CSV or tables, plus SeatGuard's extras in the tables.</summary>
    public static void Render(Terminal terminal, UsageOutcome outcome, bool json, bool csv, bool breakdown)
    {
        var query = outcome.Request.Query;
        if (outcome.Blocks is { } blocks)
        {
            if (json) JsonText.Write(terminal.Out, blocks, UsageJson.Default.BlocksReport);
            else if (csv) terminal.Out.Write(BlocksCsv(blocks));
            else
            {
                RenderBlocks(terminal.Console_, blocks, query.TimeZone, outcome.TokenLimit);
                if (blocks.PlanUtilization is { } windows) RenderUtilization(terminal.Console_, windows);
            }
            return;
        }
        var report = outcome.Period!;
        if (json)
        {
            switch (outcome.Request.Kind)
            {
                case UsageReportKind.Daily: JsonText.Write(terminal.Out, outcome.Daily!, UsageJson.Default.DailyReport); break;
                case UsageReportKind.Weekly: JsonText.Write(terminal.Out, outcome.Weekly!, UsageJson.Default.WeeklyReport); break;
                case UsageReportKind.Monthly: JsonText.Write(terminal.Out, outcome.Monthly!, UsageJson.Default.MonthlyReport); break;
                default: JsonText.Write(terminal.Out, outcome.Session!, UsageJson.Default.SessionReport); break;
            }
            return;
        }
        if (csv)
        {
            terminal.Out.Write(RowsCsv(outcome.KeyTitle, outcome.Rows));
            return;
        }
        RenderRows(terminal.Console_, outcome.KeyTitle, outcome.Rows, report.Totals, breakdown, query);
        if (report.BillingSources is { } sources) RenderBillingSources(terminal.Console_, sources);
        if (report.Projects is { } projects) RenderProjects(terminal.Console_, projects);
        if (report.Plan is { } plan) RenderPlan(terminal.Console_, plan);
    }

    /// <summary>Warnings, malformed lines and unpriced models, on stderr.</summary>
    public static void ReportDiagnostics(Terminal terminal, UsageOutcome outcome)
    {
        foreach (var w in outcome.Data.Warnings) terminal.Error("seatguard: warning: " + w);
        if (outcome.Data.MalformedLines > 0) terminal.Error($"seatguard: {outcome.Data.MalformedLines} malformed transcript line(s) skipped");
        if (outcome.Builder.UnknownModels.Count > 0)
            terminal.Error($"seatguard: warning: no price for model(s) {string.Join(", ", outcome.Builder.UnknownModels)}: their cost is unknown and not included in totals");
    }

    /// <summary><c>SEATGUARD_USAGE_STATS=1</c>: what loading did and cost, for benchmarks.</summary>
    public static void ReportStatistics(Terminal terminal, UsageOutcome outcome, TimeSpan elapsed)
    {
        var data = outcome.Data;
        terminal.Error($"seatguard: stats: {data.FilesFound} files ({data.FilesRead} read, {data.FilesFromCache} from cache, {data.FilesSkipped} skipped), " +
            $"{data.Entries.Count} entries, {elapsed.TotalMilliseconds:0} ms, " +
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576} MB, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    private static string N(long n) => n.ToString("N0", CultureInfo.InvariantCulture);
    private static string Usd(double? c) => c is { } v ? SeatGuard.Core.Common.Format.Money(v) : "unknown";
    private static string Short(string model)
    {
        var s = model.StartsWith("claude-", StringComparison.Ordinal) ? model[7..] : model;
        return s.Length > 9 && s[^9] == '-' && s.AsSpan(s.Length - 8).IndexOfAnyExceptInRange('0', '9') < 0 ? s[..^9] : s;
    }

    public static void RenderRows(IAnsiConsole console, string keyTitle, IEnumerable<(string Key, UsageRow Row)> rows, UsageTotals totals, bool breakdown, UsageQuery query)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(keyTitle).NoWrap()).AddColumn("Models")
            .AddColumn(new TableColumn("Input").RightAligned()).AddColumn(new TableColumn("Output").RightAligned())
            .AddColumn(new TableColumn("Cache Create").RightAligned()).AddColumn(new TableColumn("Cache Read").RightAligned())
            .AddColumn(new TableColumn("Total Tokens").RightAligned()).AddColumn(new TableColumn("Cost (USD)").RightAligned());
        table.Title = new TableTitle($"Claude Code usage ({(query.CostMode == CostMode.Anthropic ? "Anthropic pricing" : "ccusage pricing")}, prices as of {query.Pricing.AsOf})");
        foreach (var (key, row) in rows)
        {
            table.AddRow(TerminalText.Markup(key), TerminalText.Markup(string.Join("\n", row.ModelsUsed.Select(Short))), N(row.InputTokens), N(row.OutputTokens),
                N(row.CacheCreationTokens), N(row.CacheReadTokens), N(row.TotalTokens), Usd(row.TotalCost));
            if (!breakdown) continue;
            foreach (var m in row.ModelBreakdowns)
            {
                table.AddRow("", "[dim]└ " + TerminalText.Markup(Short(m.ModelName)) + "[/]", N(m.InputTokens), N(m.OutputTokens), N(m.CacheCreationTokens),
                    N(m.CacheReadTokens), N(m.InputTokens + m.OutputTokens + m.CacheCreationTokens + m.CacheReadTokens), Usd(m.Cost));
            }
        }
        table.AddEmptyRow();
        table.AddRow("[bold]Total[/]", "", N(totals.InputTokens), N(totals.OutputTokens), N(totals.CacheCreationTokens), N(totals.CacheReadTokens),
            N(totals.TotalTokens), "[bold]" + Usd(totals.TotalCost) + "[/]");
        console.Write(table);
    }

    public static void RenderBlocks(IAnsiConsole console, BlocksReport report, TimeZoneInfo tz, long? limit)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Block start").NoWrap()).AddColumn("Status").AddColumn("Models")
            .AddColumn(new TableColumn("Tokens").RightAligned()).AddColumn(new TableColumn("Cost (USD)").RightAligned());
        if (limit is not null) table.AddColumn(new TableColumn("% of limit").RightAligned());
        foreach (var b in report.Blocks)
        {
            var start = TimeZoneInfo.ConvertTime(b.Start, tz).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);
            string status = b.IsGap ? $"[dim]gap ({(b.End - b.Start).TotalHours:0.#}h)[/]"
                : b.IsActive ? $"[green]ACTIVE[/] ({b.Projection?.RemainingMinutes ?? 0}m left)"
                : $"{(b.LastEntry!.Value - b.Start).TotalHours:0.#}h";
            var cells = new List<string> { start, status, TerminalText.Markup(string.Join(", ", b.Models.Select(Short))), b.IsGap ? "-" : N(b.TotalTokens), b.IsGap ? "-" : Usd(b.CostUsd) };
            if (limit is { } l) cells.Add(b.IsGap ? "-" : (b.TotalTokens * 100d / l).ToString("0.0", CultureInfo.InvariantCulture) + "%");
            table.AddRow(cells.ToArray());
            if (b.IsActive && b.Projection is { } p)
            {
                var proj = new List<string> { "", "[dim]projected[/]", "", N(p.TotalTokens), Usd(p.TotalCost) };
                if (b.TokenLimitStatus is { } st) proj.Add($"{st.PercentUsed:0.0}% ({st.Status})");
                else if (limit is not null) proj.Add("");
                table.AddRow(proj.ToArray());
            }
        }
        console.Write(table);
    }

    /// <summary>Session totals by the billing source the ledger recorded (what ccusage cannot know).</summary>
    public static void RenderBillingSources(IAnsiConsole console, List<BillingSourceTotals> sources)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("By billing source (from seatguard's ledger)").AddColumn("Billing source")
            .AddColumn(new TableColumn("Sessions").RightAligned()).AddColumn(new TableColumn("Total Tokens").RightAligned()).AddColumn(new TableColumn("API-equivalent cost").RightAligned());
        foreach (var b in sources) table.AddRow(TerminalText.Markup(b.BillingSource), N(b.Sessions), N(b.TotalTokens), Usd(b.TotalCost));
        console.Write(table);
    }

    /// <summary>The plan's own utilisation per window, as Claude Code last reported it.</summary>
    public static void RenderUtilization(IAnsiConsole console, List<PlanUtilization> windows)
    {
        foreach (var w in windows)
            console.MarkupLine(TerminalText.Markup($"Plan window {w.RateLimitType}: {(w.Utilization is { } u ? (u * 100).ToString("0", CultureInfo.InvariantCulture) + "% used" : "utilisation not reported")}, " +
                $"{w.Status ?? "status unknown"}{(w.OverageInUse == true ? ", drawing extra usage" : "")} (reported {w.ReportedAt})"));
    }

    public static void RenderProjects(IAnsiConsole console, List<ProjectRow> projects)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Project").AddColumn(new TableColumn("Total Tokens").RightAligned()).AddColumn(new TableColumn("Cost (USD)").RightAligned());
        foreach (var p in projects) table.AddRow(TerminalText.Markup(p.Project), N(p.TotalTokens), Usd(p.TotalCost));
        console.Write(table);
    }

    public static void RenderPlan(IAnsiConsole console, PlanComparison plan) =>
        console.MarkupLine(TerminalText.Markup($"API-equivalent cost {Usd(plan.ApiEquivalentCost)} vs {plan.Plan} plan {Usd(plan.PlanCost)} ({plan.Months} month(s) at {Usd(plan.MonthlyUsd)}): {plan.Ratio:0.0}x the plan price"));

    public static string RowsCsv(string keyTitle, IEnumerable<(string Key, UsageRow Row)> rows)
    {
        var sb = new StringBuilder();
        sb.Append(keyTitle.ToLowerInvariant()).Append(",inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,totalCost,modelsUsed\n");
        foreach (var (key, r) in rows)
        {
            sb.Append(Field(key.Replace('\n', ' '))).Append(',').Append(r.InputTokens).Append(',').Append(r.OutputTokens).Append(',')
              .Append(r.CacheCreationTokens).Append(',').Append(r.CacheReadTokens).Append(',').Append(r.TotalTokens).Append(',')
              .Append(r.TotalCost.ToString("R", CultureInfo.InvariantCulture)).Append(',').Append(Field(string.Join(';', r.ModelsUsed))).Append('\n');
        }
        return sb.ToString();
    }

    public static string BlocksCsv(BlocksReport report)
    {
        var sb = new StringBuilder("id,startTime,endTime,actualEndTime,isActive,isGap,entries,totalTokens,costUSD,models\n");
        foreach (var b in report.Blocks)
        {
            sb.Append(b.Id).Append(',').Append(b.StartTime).Append(',').Append(b.EndTime).Append(',').Append(b.ActualEndTime).Append(',')
              .Append(b.IsActive ? "true" : "false").Append(',').Append(b.IsGap ? "true" : "false").Append(',').Append(b.Entries).Append(',')
              .Append(b.TotalTokens).Append(',').Append(b.CostUsd.ToString("R", CultureInfo.InvariantCulture)).Append(',')
              .Append(Field(string.Join(';', b.Models))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Field(string s) => s.IndexOfAny([',', '"', '\n']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
