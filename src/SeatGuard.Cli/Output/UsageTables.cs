using System.Globalization;
using System.Text;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Usage;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>
/// Human, CSV and JSON renderings of the usage reports. Tables choose the widest layout that fits the terminal — all
/// columns, then the compact one (ccusage's: no cache or total columns), then a stacked list — so a number or a model
/// name is never split across lines. Costs are rounded to cents in tables and to micro-dollars in CSV; a cost that is
/// not known (a model without a price) is "unknown", never $0.00, and a partly known one is marked "+?".
/// </summary>
internal static class UsageTables
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static void Render(Terminal terminal, UsageOutcome outcome, UsageView view)
    {
        if (outcome.SessionDetail is { } detail) { RenderSessionDetail(terminal, outcome, detail, view); return; }
        if (outcome.Blocks is { } blocks)
        {
            if (view.Json) JsonText.Write(terminal.Out, blocks, UsageJson.Default.BlocksReport);
            else if (view.Csv) terminal.Out.Write(BlocksCsv(blocks));
            else
            {
                RenderBlocks(terminal, blocks, outcome.Request.Query.TimeZone, outcome.TokenLimit);
                if (blocks.PlanUtilization is { } windows) RenderUtilization(terminal.Console_, windows);
            }
            return;
        }
        if (view.Json)
        {
            switch (outcome.Request.Kind)
            {
                case UsageReportKind.Daily when outcome.DailyInstances is { } byProject: JsonText.Write(terminal.Out, byProject, UsageJson.Default.DailyInstancesReport); break;
                case UsageReportKind.Daily: JsonText.Write(terminal.Out, outcome.Daily!, UsageJson.Default.DailyReport); break;
                case UsageReportKind.Weekly: JsonText.Write(terminal.Out, outcome.Weekly!, UsageJson.Default.WeeklyReport); break;
                case UsageReportKind.Monthly: JsonText.Write(terminal.Out, outcome.Monthly!, UsageJson.Default.MonthlyReport); break;
                default: JsonText.Write(terminal.Out, outcome.Session!, UsageJson.Default.SessionReport); break;
            }
            return;
        }
        if (view.Csv)
        {
            terminal.Out.Write(RowsCsv(outcome, view.Breakdown));
            return;
        }
        var query = outcome.Request.Query;
        if (outcome.DailyInstances is { } instances)
        {
            foreach (var (project, rows) in instances.Projects)
            {
                var title = view.ProjectAliases.TryGetValue(project, out var alias) ? alias : project;
                RenderRows(terminal, "Date", rows.Select(r => (r.Date, (UsageRow)r)), Sum(rows), view, query, "Project " + title);
            }
            return;
        }
        var report = outcome.Period!;
        var keyed = outcome.Rows.Select(r => (Key: r.Key.Contains('\n') ? SessionKey(r.Key, view) : r.Key, r.Row));
        RenderRows(terminal, outcome.KeyTitle, keyed, report.Totals, view, query, null);
        if (report.BillingSources is { } sources) RenderBillingSources(terminal.Console_, sources);
        if (report.Projects is { } projects) RenderProjects(terminal.Console_, projects, view);
        if (report.Plan is { } plan) RenderPlan(terminal.Console_, plan);
    }

    private static string SessionKey(string key, UsageView view)
    {
        var parts = key.Split('\n', 2);
        return parts.Length == 2 && view.ProjectAliases.TryGetValue(parts[1], out var alias) ? parts[0] + "\n" + alias : key;
    }

    private static UsageTotals Sum(IEnumerable<UsageTotals> rows)
    {
        var t = new UsageTotals();
        foreach (var r in rows) t.AddRow(r);
        return t;
    }

    /// <summary>Warnings, malformed lines and models without a price, on stderr.</summary>
    public static void ReportDiagnostics(Terminal terminal, UsageOutcome outcome)
    {
        foreach (var w in outcome.Data.Warnings) terminal.Error("seatguard: warning: " + w);
        if (outcome.Data.MalformedLines > 0) terminal.Error($"seatguard: {outcome.Data.MalformedLines} malformed transcript line(s) skipped");
        var unknown = outcome.Builder.UnknownModels;
        if (unknown.Count == 0) return;
        var query = outcome.Request.Query;
        if (query.CostMode == CostMode.Ccusage)
        {
            terminal.Error($"seatguard: warning: ccusage 20.0.24 has no price for model(s) {string.Join(", ", unknown)}: counted at $0, as ccusage does");
            return;
        }
        var newer = outcome.Builder.NewerModels;
        if (newer.Count > 0)
            terminal.Error($"seatguard: warning: model(s) {string.Join(", ", newer)} are newer than the price book (as of {query.Pricing.AsOf}): run `seatguard pricing update --from FILE|URL`");
        terminal.Error($"seatguard: warning: no price for model(s) {string.Join(", ", unknown)}: their cost is unknown and not included in totals");
    }

    /// <summary><c>--debug</c>: the price each model resolved to.</summary>
    public static void ReportPrices(Terminal terminal, UsageOutcome outcome)
    {
        var query = outcome.Request.Query;
        var models = outcome.Data.CellsFor(query.Pricing).Models.Distinct().Order(StringComparer.Ordinal);
        foreach (var m in models)
        {
            if (query.CostMode == CostMode.Ccusage)
            {
                var p = CcusagePricing.Embedded.Find(m);
                terminal.Error(p is null ? $"seatguard: debug: {m}: no ccusage price ($0)" :
                    $"seatguard: debug: {m}: ccusage input {p.Input * 1e6:0.###} output {p.Output * 1e6:0.###} cache write {p.CacheCreate * 1e6:0.###} read {p.CacheRead * 1e6:0.###} per MTok, fast x{p.FastMultiplier:0.##}");
                continue;
            }
            var priced = query.Pricing.Find(m);
            terminal.Error(priced is null ? $"seatguard: debug: {m}: no price" : $"seatguard: debug: {m}: priced as {priced.Id} ({priced.Periods.Length} period(s), {priced.FastPeriods.Length} fast)");
        }
    }

    /// <summary><c>SEATGUARD_USAGE_STATS=1</c>: what loading did and cost, for benchmarks.</summary>
    public static void ReportStatistics(Terminal terminal, UsageOutcome outcome, TimeSpan elapsed)
    {
        var data = outcome.Data;
        terminal.Error($"seatguard: stats: {data.FilesFound} files ({data.FilesRead} read, {data.FilesFromCache} from cache, {data.FilesSkipped} skipped), " +
            $"{outcome.Builder.EntryCount} entries, {elapsed.TotalMilliseconds:0} ms, " +
            $"allocated {GC.GetTotalAllocatedBytes() / 1048576} MB, gen0/1/2 {GC.CollectionCount(0)}/{GC.CollectionCount(1)}/{GC.CollectionCount(2)}");
    }

    private static string N(long n) => n.ToString("N0", Inv);

    /// <summary>A cost for people: cents; "unknown" when no part is known; "+?" when a part is unknown.</summary>
    internal static string Usd(double? c, bool partlyUnknown = false) =>
        c is not { } v ? "unknown" : SeatGuard.Core.Common.Format.Money(v) + (partlyUnknown ? "+?" : "");

    private static string Usd(UsageTotals t) => Usd(t.TotalCost, t.HasUnknownCost && t.TotalCost is not null);

    private static string Short(string model)
    {
        var s = model.StartsWith("claude-", StringComparison.Ordinal) ? model[7..] : model;
        return s.Length > 9 && s[^9] == '-' && s.AsSpan(s.Length - 8).IndexOfAnyExceptInRange('0', '9') < 0 ? s[..^9] : s;
    }

    private static string Title(UsageQuery query, string? heading) =>
        (heading is null ? "" : heading + ": ") +
        $"Claude Code usage ({(query.CostMode == CostMode.Anthropic ? "Anthropic pricing, prices as of " + query.Pricing.AsOf : "ccusage 20.0.24 pricing")})";

    private enum Layout { Full, Compact, Stacked }

    /// <summary>The width a rounded Spectre table of these column widths takes (1 padding each side, borders between).</summary>
    private static int TableWidth(IEnumerable<int> columns)
    {
        int n = 0, sum = 0;
        foreach (var w in columns) { n++; sum += w; }
        return sum + 3 * n + 1;
    }

    private static int Longest(IEnumerable<string> cells) => cells.SelectMany(c => c.Split('\n')).Select(l => l.Length).DefaultIfEmpty(0).Max();

    public static void RenderRows(Terminal terminal, string keyTitle, IEnumerable<(string Key, UsageRow Row)> rowsIn, UsageTotals totals, UsageView view, UsageQuery query, string? heading)
    {
        var rows = rowsIn.ToList();
        var console = terminal.Console_;
        // Every cell as it will be printed, to measure the layouts.
        var modelLines = rows.SelectMany(r => view.Breakdown ? r.Row.ModelBreakdowns.Select(m => "└ " + Short(m.ModelName)) : r.Row.ModelsUsed.Select(Short)).Append("Models").ToList();
        var keyCells = rows.Select(r => r.Key).Append(keyTitle).Append("Total").ToList();
        IEnumerable<UsageTotals> all = rows.Select(r => (UsageTotals)r.Row).Append(totals);
        var numbers = all.ToList();
        int W(Func<UsageTotals, long> f, Func<ModelBreakdown, long> g, int header) =>
            Math.Max(header, numbers.Select(t => N(f(t)).Length).Concat(view.Breakdown ? rows.SelectMany(r => r.Row.ModelBreakdowns).Select(m => N(g(m)).Length) : []).DefaultIfEmpty(1).Max());
        int key = Longest(keyCells), models = Longest(modelLines);
        int input = W(t => t.InputTokens, m => m.InputTokens, 5), output = W(t => t.OutputTokens, m => m.OutputTokens, 6);
        int create = W(t => t.CacheCreationTokens, m => m.CacheCreationTokens, 6), read = W(t => t.CacheReadTokens, m => m.CacheReadTokens, 5);
        int total = W(t => t.TotalTokens, m => m.TotalTokens, 6);
        int cost = Math.Max(5, numbers.Select(t => Usd(t).Length).Concat(view.Breakdown ? rows.SelectMany(r => r.Row.ModelBreakdowns).Select(m => Usd(m.Cost).Length) : []).DefaultIfEmpty(5).Max());
        var layout = !view.Compact && TableWidth([key, models, input, output, create, read, total, cost]) <= terminal.Width ? Layout.Full
            : TableWidth([key, models, input, output, cost]) <= terminal.Width ? Layout.Compact : Layout.Stacked;

        console.WriteLine(Title(query, heading));
        if (layout == Layout.Stacked)
        {
            RenderStacked(terminal, rows, totals, view);
            Footnote(console, numbers);
            return;
        }
        bool full = layout == Layout.Full;
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn(new TableColumn(keyTitle).NoWrap()).AddColumn(new TableColumn("Models").NoWrap())
            .AddColumn(new TableColumn("Input").RightAligned().NoWrap()).AddColumn(new TableColumn("Output").RightAligned().NoWrap());
        if (full)
        {
            table.AddColumn(new TableColumn("Cache\nCreate").RightAligned().NoWrap()).AddColumn(new TableColumn("Cache\nRead").RightAligned().NoWrap())
                .AddColumn(new TableColumn("Total\nTokens").RightAligned().NoWrap());
        }
        table.AddColumn(new TableColumn("Cost\n(USD)").RightAligned().NoWrap());
        string[] Cells(string k, string m, UsageTotals t) => full
            ? [k, m, N(t.InputTokens), N(t.OutputTokens), N(t.CacheCreationTokens), N(t.CacheReadTokens), N(t.TotalTokens), Usd(t)]
            : [k, m, N(t.InputTokens), N(t.OutputTokens), Usd(t)];
        foreach (var (k, row) in rows)
        {
            table.AddRow(Cells(TerminalText.Markup(k), TerminalText.Markup(string.Join("\n", row.ModelsUsed.Select(Short))), row));
            if (!view.Breakdown) continue;
            foreach (var m in row.ModelBreakdowns)
            {
                var cells = full
                    ? new[] { "", "[dim]└ " + TerminalText.Markup(Short(m.ModelName)) + "[/]", N(m.InputTokens), N(m.OutputTokens), N(m.CacheCreationTokens), N(m.CacheReadTokens), N(m.TotalTokens), Usd(m.Cost) }
                    : ["", "[dim]└ " + TerminalText.Markup(Short(m.ModelName)) + "[/]", N(m.InputTokens), N(m.OutputTokens), Usd(m.Cost)];
                table.AddRow(cells);
            }
        }
        table.AddEmptyRow();
        var totalCells = Cells("[bold]Total[/]", "", totals);
        totalCells[^1] = "[bold]" + totalCells[^1] + "[/]";
        table.AddRow(totalCells);
        console.Write(table);
        // Only when the terminal forced it: --compact asked for exactly this.
        if (!full && !view.Compact) console.WriteLine("Compact view: run in a wider terminal for the cache and total-token columns.");
        Footnote(console, numbers);
    }

    private static void Footnote(IAnsiConsole console, IEnumerable<UsageTotals> shown)
    {
        var partly = shown.Where(t => t.HasUnknownCost).SelectMany(t => t.UnpricedModels ?? []).Distinct().Order(StringComparer.Ordinal).ToList();
        if (partly.Count > 0) console.WriteLine(Wrap($"unknown / +?: no price for {string.Join(", ", partly)} (not in the totals)", console.Profile.Width));
    }

    /// <summary>The narrowest layout: each row as a few short lines (for terminals too narrow for a table).</summary>
    private static void RenderStacked(Terminal terminal, List<(string Key, UsageRow Row)> rows, UsageTotals totals, UsageView view)
    {
        var console = terminal.Console_;
        int width = terminal.Width;
        void Block(string key, UsageTotals t, IEnumerable<string> models, IEnumerable<ModelBreakdown> breakdown)
        {
            var first = key.Split('\n');
            console.WriteLine(first[0] + "  " + Usd(t));
            foreach (var extra in first.Skip(1)) console.WriteLine("  " + extra);
            var names = string.Join(", ", models.Select(Short));
            if (names.Length > 0) console.WriteLine(Wrap("  models: " + names, width, "    "));
            console.WriteLine(Wrap($"  input {N(t.InputTokens)} · output {N(t.OutputTokens)} · cache create {N(t.CacheCreationTokens)} · cache read {N(t.CacheReadTokens)} · total {N(t.TotalTokens)}", width, "    ", " · "));
            if (!view.Breakdown) return;
            foreach (var m in breakdown)
                console.WriteLine(Wrap($"  └ {Short(m.ModelName)}: {Usd(m.Cost)} · input {N(m.InputTokens)} · output {N(m.OutputTokens)} · cache {N(m.CacheCreationTokens + m.CacheReadTokens)}", width, "      ", " · "));
        }
        foreach (var (k, row) in rows) Block(k, row, row.ModelsUsed, row.ModelBreakdowns);
        Block("Total", totals, [], []);
    }

    /// <summary>Wraps at <paramref name="separator"/> (never inside a number or a name) to <paramref name="width"/> columns.</summary>
    internal static string Wrap(string text, int width, string indent = "  ", string separator = " ")
    {
        if (text.Length <= width) return text;
        var parts = text.Split(separator);
        var sb = new StringBuilder();
        int lineLength = 0;
        for (int i = 0; i < parts.Length; i++)
        {
            var part = parts[i] + (i < parts.Length - 1 ? separator.TrimEnd() : "");
            if (lineLength > 0 && lineLength + 1 + part.Length > width)
            {
                sb.Append('\n').Append(indent);
                lineLength = indent.Length;
            }
            else if (lineLength > 0) { sb.Append(' '); lineLength++; }
            sb.Append(part);
            lineLength += part.Length;
        }
        return sb.ToString();
    }

    public static void RenderBlocks(Terminal terminal, BlocksReport report, TimeZoneInfo tz, long? limit)
    {
        var console = terminal.Console_;
        string Start(BlockRow b) => TimeZoneInfo.ConvertTime(b.Start, tz).ToString("yyyy-MM-dd HH:mm", Inv);
        string Status(BlockRow b) => b.IsGap ? $"gap ({(b.End - b.Start).TotalHours.ToString("0.#", Inv)}h)"
            : b.IsActive ? $"ACTIVE ({b.Projection?.RemainingMinutes ?? 0}m left)" : $"{(b.LastEntry!.Value - b.Start).TotalHours.ToString("0.#", Inv)}h";
        string Cost(BlockRow b) => b.IsGap ? "-" : Usd(b.CostUsd, b.HasUnknownCost && b.CostUsd is not null);
        string Limit(BlockRow b) => b.IsGap || limit is not { } l ? "-" : (b.TotalTokens * 100d / l).ToString("0.0", Inv) + "%";
        var widths = new List<int>
        {
            16, report.Blocks.Select(b => Status(b).Length).Append(9).Max(),
            Longest(report.Blocks.Select(b => string.Join("\n", b.Models.Select(Short))).Append("Models")),
            report.Blocks.Select(b => N(b.TotalTokens).Length).Concat(report.Blocks.Where(b => b.Projection is not null).Select(b => N(b.Projection!.TotalTokens).Length)).Append(6).Max(),
            report.Blocks.Select(b => Cost(b).Length).Append(5).Max(),
        };
        if (limit is not null) widths.Add(report.Blocks.Select(b => b.TokenLimitStatus is { } st ? $"{st.PercentUsed:0.0}% ({st.Status})".Length : Limit(b).Length).Append(8).Max());
        if (TableWidth(widths) > terminal.Width)
        {
            foreach (var b in report.Blocks)
            {
                console.WriteLine($"{Start(b)}  {Status(b)}  {(b.IsGap ? "" : N(b.TotalTokens) + " tok  " + Cost(b))}{(limit is null || b.IsGap ? "" : "  " + Limit(b))}");
                if (b.Models.Count > 0) console.WriteLine(Wrap("  models: " + string.Join(", ", b.Models.Select(Short)), terminal.Width, "    "));
                if (b.IsActive && b.Projection is { } p) console.WriteLine($"  projected {N(p.TotalTokens)} tok  {Usd(p.TotalCost)}{(b.TokenLimitStatus is { } st ? $"  {st.PercentUsed.ToString("0.0", Inv)}% ({st.Status})" : "")}");
            }
            return;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Block start").NoWrap()).AddColumn(new TableColumn("Status").NoWrap())
            .AddColumn(new TableColumn("Models").NoWrap()).AddColumn(new TableColumn("Tokens").RightAligned().NoWrap()).AddColumn(new TableColumn("Cost\n(USD)").RightAligned().NoWrap());
        if (limit is not null) table.AddColumn(new TableColumn("% of\nlimit").RightAligned().NoWrap());
        foreach (var b in report.Blocks)
        {
            string status = b.IsGap ? $"[dim]{Status(b)}[/]" : b.IsActive ? $"[green]ACTIVE[/] ({b.Projection?.RemainingMinutes ?? 0}m left)" : Status(b);
            var cells = new List<string> { Start(b), status, TerminalText.Markup(string.Join("\n", b.Models.Select(Short))), b.IsGap ? "-" : N(b.TotalTokens), Cost(b) };
            if (limit is not null) cells.Add(Limit(b));
            table.AddRow(cells.ToArray());
            if (b.IsActive && b.Projection is { } p)
            {
                var proj = new List<string> { "", "[dim]projected[/]", "", N(p.TotalTokens), Usd(p.TotalCost) };
                if (b.TokenLimitStatus is { } st) proj.Add($"{st.PercentUsed.ToString("0.0", Inv)}% ({st.Status})");
                else if (limit is not null) proj.Add("");
                table.AddRow(proj.ToArray());
            }
        }
        console.Write(table);
    }

    private static void RenderSessionDetail(Terminal terminal, UsageOutcome outcome, SessionDetailReport detail, UsageView view)
    {
        if (view.Json) { JsonText.Write(terminal.Out, detail, UsageJson.Default.SessionDetailReport); return; }
        if (view.Csv)
        {
            var sb = new StringBuilder("timestamp,model,inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,costUSD\n");
            foreach (var e in detail.Entries)
                sb.Append(e.Timestamp).Append(',').Append(Field(e.Model)).Append(',').Append(e.InputTokens).Append(',').Append(e.OutputTokens).Append(',')
                  .Append(e.CacheCreationTokens).Append(',').Append(e.CacheReadTokens).Append(',').Append(CsvCost(e.CostUsd)).Append('\n');
            terminal.Out.Write(sb.ToString());
            return;
        }
        var console = terminal.Console_;
        console.WriteLine($"Session {detail.SessionId}: {N(detail.TotalTokens)} tokens, {Usd(detail.TotalCost, detail.UnpricedModels is not null && detail.TotalCost is not null)} ({Title(outcome.Request.Query, null)})");
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Time").NoWrap()).AddColumn(new TableColumn("Model").NoWrap())
            .AddColumn(new TableColumn("Input").RightAligned().NoWrap()).AddColumn(new TableColumn("Output").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Cache").RightAligned().NoWrap()).AddColumn(new TableColumn("Cost").RightAligned().NoWrap());
        var tz = outcome.Request.Query.TimeZone;
        foreach (var e in detail.Entries)
        {
            var time = TimeZoneInfo.ConvertTime(DateTimeOffset.Parse(e.Timestamp, Inv), tz).ToString("MM-dd HH:mm:ss", Inv);
            table.AddRow(time, TerminalText.Markup(Short(e.Model)), N(e.InputTokens), N(e.OutputTokens), N(e.CacheCreationTokens + e.CacheReadTokens), Usd(e.CostUsd));
        }
        console.Write(table);
    }

    /// <summary>Session totals by the billing source the ledger recorded (what ccusage cannot know).</summary>
    public static void RenderBillingSources(IAnsiConsole console, List<BillingSourceTotals> sources)
    {
        var table = new Table().Border(TableBorder.Rounded).Title("By billing source (from seatguard's ledger)").AddColumn("Billing source")
            .AddColumn(new TableColumn("Sessions").RightAligned()).AddColumn(new TableColumn("Total Tokens").RightAligned().NoWrap()).AddColumn(new TableColumn("API-equivalent cost").RightAligned().NoWrap());
        foreach (var b in sources) table.AddRow(TerminalText.Markup(b.BillingSource), N(b.Sessions), N(b.TotalTokens), Usd(b.TotalCost));
        console.Write(table);
    }

    /// <summary>The plan's own utilisation per window, as Claude Code last reported it, with its pace (beside the token estimates).</summary>
    public static void RenderUtilization(IAnsiConsole console, List<PlanUtilization> windows)
    {
        console.MarkupLine("[bold]The plan's own limits[/] (from the rate-limit events of recorded launches; the blocks above are estimates):");
        foreach (var w in windows)
        {
            string used = w.Utilization is { } u ? (u * 100).ToString("0", CultureInfo.InvariantCulture) + "% used" : "utilisation not reported";
            string pace = w.Expired ? ", reset since (the figure is stale)"
                : w.WindowElapsed is { } e ? $", {(e * 100).ToString("0", CultureInfo.InvariantCulture)}% of the window gone" + (w.RunsOutBeforeReset == true ? " — at this pace it runs out before the reset" : "")
                : "";
            console.MarkupLine(TerminalText.Markup($"  {w.RateLimitType}: {used}{pace}, {w.Status ?? "status unknown"}{(w.OverageInUse == true ? ", drawing usage credits" : "")}" +
                $"{(w.ResetsAt is { } r ? ", resets " + r : "")} (reported {w.ReportedAt})"));
        }
    }

    public static void RenderProjects(IAnsiConsole console, List<ProjectRow> projects, UsageView view)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Project").AddColumn(new TableColumn("Total Tokens").RightAligned().NoWrap()).AddColumn(new TableColumn("Cost (USD)").RightAligned().NoWrap());
        foreach (var p in projects) table.AddRow(TerminalText.Markup(view.ProjectAliases.TryGetValue(p.Project, out var a) ? a : p.Project), N(p.TotalTokens), Usd(p));
        console.Write(table);
    }

    public static void RenderPlan(IAnsiConsole console, PlanComparison plan) =>
        console.MarkupLine(TerminalText.Markup($"API-equivalent cost {Usd(plan.ApiEquivalentCost)} vs {plan.Plan} plan {Usd(plan.PlanCost)} ({plan.Months} month(s) at {Usd(plan.MonthlyUsd)}): {plan.Ratio.ToString("0.0", Inv)}x the plan price"));

    /// <summary>A cost in CSV: rounded to micro-dollars, empty when unknown.</summary>
    private static string CsvCost(double? c) => c is { } v ? Math.Round(v, 6).ToString("0.######", Inv) : "";

    public static string RowsCsv(UsageOutcome outcome, bool breakdown)
    {
        var sb = new StringBuilder();
        bool instances = outcome.DailyInstances is not null;
        string key = outcome.KeyTitle.ToLowerInvariant();
        string head = instances ? "date,project" : key == "session" ? "session,projectPath" : key;
        var rows = outcome.Rows.ToList();
        if (breakdown)
        {
            sb.Append(head).Append(",model,inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,cost\n");
            foreach (var (k, r) in rows)
            {
                foreach (var m in r.ModelBreakdowns)
                {
                    sb.Append(Key(k)).Append(',').Append(Field(m.ModelName)).Append(',').Append(m.InputTokens).Append(',').Append(m.OutputTokens).Append(',')
                      .Append(m.CacheCreationTokens).Append(',').Append(m.CacheReadTokens).Append(',').Append(m.TotalTokens).Append(',').Append(CsvCost(m.Cost)).Append('\n');
                }
            }
            return sb.ToString();
        }
        sb.Append(head).Append(",inputTokens,outputTokens,cacheCreationTokens,cacheReadTokens,totalTokens,totalCost,modelsUsed\n");
        foreach (var (k, r) in rows)
        {
            sb.Append(Key(k)).Append(',').Append(r.InputTokens).Append(',').Append(r.OutputTokens).Append(',')
              .Append(r.CacheCreationTokens).Append(',').Append(r.CacheReadTokens).Append(',').Append(r.TotalTokens).Append(',')
              .Append(CsvCost(r.TotalCost)).Append(',').Append(Field(string.Join(';', r.ModelsUsed))).Append('\n');
        }
        return sb.ToString();
    }

    /// <summary>A row key in CSV: a two-part key (session and project, date and project) as two fields.</summary>
    private static string Key(string key) => string.Join(',', key.Split('\n').Select(Field));

    public static string BlocksCsv(BlocksReport report)
    {
        var sb = new StringBuilder("id,startTime,endTime,actualEndTime,isActive,isGap,entries,totalTokens,costUSD,models\n");
        foreach (var b in report.Blocks)
        {
            sb.Append(b.Id).Append(',').Append(b.StartTime).Append(',').Append(b.EndTime).Append(',').Append(b.ActualEndTime).Append(',')
              .Append(b.IsActive ? "true" : "false").Append(',').Append(b.IsGap ? "true" : "false").Append(',').Append(b.Entries).Append(',')
              .Append(b.TotalTokens).Append(',').Append(CsvCost(b.CostUsd)).Append(',')
              .Append(Field(string.Join(';', b.Models))).Append('\n');
        }
        return sb.ToString();
    }

    private static string Field(string s) => s.IndexOfAny([',', '"', '\n', '\r']) < 0 ? s : "\"" + s.Replace("\"", "\"\"") + "\"";
}
