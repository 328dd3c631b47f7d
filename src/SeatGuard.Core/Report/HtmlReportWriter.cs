using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using static SeatGuard.Core.Report.ReportText;

namespace SeatGuard.Core.Report;

/// <summary>
/// Writes the report as one self-contained HTML page: inline CSS, inline SVG charts, one small inline
/// script (allowed by its hash in the page's Content-Security-Policy, which also forbids every network
/// load) that records each chart's rendered size for the browser test. Every string is scrubbed of
/// tokens and HTML-escaped.
/// </summary>
public static class HtmlReportWriter
{
    /// <summary>Section id: usage by day and model.</summary>
    public const string DailyId = "usage-daily";

    /// <summary>Section id: 5-hour blocks.</summary>
    public const string BlocksId = "usage-blocks";

    /// <summary>Section id: the month against the plan.</summary>
    public const string MonthId = "usage-month";

    /// <summary>Section id: launches by billing source.</summary>
    public const string VerdictId = "launches-verdict";

    /// <summary>Section id: launches by beneficiary.</summary>
    public const string BeneficiaryId = "launches-beneficiary";

    /// <summary>Section id: scan findings by tier.</summary>
    public const string ScanId = "scan-findings";

    internal static readonly string[] Palette = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#8C6D31", "#999999"];
    private const int MaxModels = 7, MaxBeneficiaries = 12, RecentLaunches = 20;

    /// <summary>Measures every chart after layout and writes the sizes into a JSON element (read by tests via --dump-dom).</summary>
    internal const string MeasureScript =
        "(function(){var out=[];document.querySelectorAll('svg.chart').forEach(function(s){var r=s.getBoundingClientRect();" +
        "var marks=Array.prototype.filter.call(s.querySelectorAll('.mark'),function(m){var b=m.getBoundingClientRect();return b.width>0&&b.height>0;}).length;" +
        "out.push({id:s.id,width:Math.round(r.width),height:Math.round(r.height),viewWidth:s.viewBox.baseVal.width,viewHeight:s.viewBox.baseVal.height,marks:marks});});" +
        "document.getElementById('seatguard-layout').textContent=JSON.stringify(out);})();";

    private sealed record Part(string Id, string Title, string? Body, string? Missing, string? HowToGet);

    /// <summary>Renders the report page.</summary>
    public static RenderedReport Render(ReportData data)
    {
        var parts = new List<Part>();
        parts.AddRange(UsageParts(data));
        parts.AddRange(LedgerParts(data.Ledger));
        parts.Add(ScanPart(data.Scan));

        var sb = new StringBuilder();
        string period = $"{Date(data.Period.From)} to {Date(data.Period.Until)} (UTC)";
        string scriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(MeasureScript)));
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-").Append(scriptHash).Append("'\">\n")
          .Append("<title>SeatGuard report, ").Append(Esc(period)).Append("</title>\n<style>").Append(Css).Append("</style>\n</head>\n<body>\n")
          .Append("<header><h1>SeatGuard report</h1><p class=\"meta\">Period ").Append(Esc(period)).Append(" · generated ").Append(Esc(Time(data.GeneratedAt))).Append("</p>")
          .Append(Glance(data)).Append("</header>\n<main>\n");
        foreach (var p in parts)
        {
            sb.Append("<section id=\"").Append(p.Id).Append("\" class=\"").Append(p.Body is null ? "missing" : "present").Append("\"><h2>").Append(Esc(p.Title)).Append("</h2>");
            if (p.Body is not null) sb.Append(p.Body);
            else sb.Append("<div class=\"nodata\"><p><strong>No data.</strong> ").Append(Esc(p.Missing ?? "")).Append("</p><p>").Append(Code(p.HowToGet ?? "")).Append("</p></div>");
            sb.Append("</section>\n");
        }
        sb.Append("</main>\n<footer>Made by SeatGuard. This page loads nothing from the network. The numbers behind each chart are under “Show the numbers”.</footer>\n")
          .Append("<script type=\"application/json\" id=\"seatguard-layout\">[]</script>\n<script>").Append(MeasureScript).Append("</script>\n</body>\n</html>\n");
        return new RenderedReport(sb.ToString(), parts.Select(p => new ReportSectionStatus(p.Id, p.Title, p.Body is not null, p.Missing)).ToList());
    }

    /// <summary>Escapes, then shows `backticked` commands as code.</summary>
    internal static string Code(string text)
    {
        var pieces = Esc(text).Split('`');
        var sb = new StringBuilder();
        for (int i = 0; i < pieces.Length; i++) sb.Append(i % 2 == 1 ? "<code>" + pieces[i] + "</code>" : pieces[i]);
        return sb.ToString();
    }

    private static string Glance(ReportData data)
    {
        var items = new List<(string Label, string Value)>();
        if (data.Usage.Data is { } u && u.Daily.Count > 0)
        {
            items.Add(("tokens", Tokens(u.Daily.Sum(d => (double)d.Tokens))));
            items.Add(("API-equivalent cost, period", Money(u.Daily.Any(d => d.Cost is null) ? null : u.Daily.Sum(d => d.Cost))));
        }
        if (data.Ledger.Data is { } l) items.Add(("launches", Count(l.Launches.Count)));
        if (data.Scan.Data is { } s) items.Add(("red findings", Count(s.Findings.Where(f => f.Tier == Tier.Red).Sum(f => f.Count))));
        if (items.Count == 0) return "";
        var sb = new StringBuilder("<dl class=\"glance\">");
        foreach (var (label, value) in items) sb.Append("<div><dt>").Append(Esc(label)).Append("</dt><dd>").Append(Esc(value)).Append("</dd></div>");
        return sb.Append("</dl>").ToString();
    }

    private static IEnumerable<Part> UsageParts(ReportData data)
    {
        const string daily = "Usage by day", blocks = "5-hour blocks", month = "This month against your plan";
        if (data.Usage.Data is not { } usage)
        {
            foreach (var (id, title) in new[] { (DailyId, daily), (BlocksId, blocks), (MonthId, month) })
                yield return new Part(id, title, null, data.Usage.Missing, data.Usage.HowToGet);
            yield break;
        }
        const string useClaude = "Usage shows here once Claude Code has been used in the period (it reads the local transcripts).";
        yield return usage.Daily.Count == 0
            ? new Part(DailyId, daily, null, "Claude Code recorded no usage in this period.", useClaude)
            : new Part(DailyId, daily, DailyChart(usage.Daily, data.Period), null, null);
        yield return usage.Blocks.Count == 0
            ? new Part(BlocksId, blocks, null, "There are no 5-hour blocks in this period.", useClaude)
            : new Part(BlocksId, blocks, BlocksChart(usage.Blocks), null, null);
        yield return usage.Month is null
            ? new Part(MonthId, month, null, "The month's API-equivalent cost is not available.", useClaude)
            : new Part(MonthId, month, MonthChart(usage.Month), null, null);
    }

    private static string DailyChart(IReadOnlyList<DailyModelUsage> rows, ReportPeriod period)
    {
        var ranked = rows.GroupBy(r => r.Model).OrderByDescending(g => g.Sum(r => r.Tokens)).Select(g => g.Key).ToList();
        var shown = ranked.Take(ranked.Count > MaxModels + 1 ? MaxModels : MaxModels + 1).ToList();
        string ModelOf(DailyModelUsage r) => shown.Contains(r.Model) ? r.Model : "other models";
        var names = shown.Concat(ranked.Count > shown.Count ? ["other models"] : Array.Empty<string>()).ToList();
        var series = names.Select((n, i) => new ChartSeries(n, Palette[i % Palette.Length])).ToList();
        var first = rows.Min(r => r.Date) < period.From ? rows.Min(r => r.Date) : period.From;
        var last = rows.Max(r => r.Date) > period.Until ? rows.Max(r => r.Date) : period.Until;
        var bars = new List<ChartBar>();
        for (var d = first; d <= last; d = d.AddDays(1))
        {
            var day = rows.Where(r => r.Date == d).ToList();
            bars.Add(new ChartBar(d.ToString("MM-dd", CultureInfo.InvariantCulture), names.Select(n => (double)day.Where(r => ModelOf(r) == n).Sum(r => r.Tokens)).ToList()));
        }
        var busiest = rows.GroupBy(r => r.Date).MaxBy(g => g.Sum(r => r.Tokens))!;
        decimal? cost = rows.Any(r => r.Cost is null) ? null : rows.Sum(r => r.Cost);
        string caption = $"Tokens Claude Code used each day, split by model. {Tokens(rows.Sum(r => (double)r.Tokens))} tokens in the period " +
            $"({(cost is null ? "cost partly unknown: a model has no price" : Money(cost) + " at API prices")}); the busiest day was {Date(busiest.Key)} with {Tokens(busiest.Sum(r => (double)r.Tokens))}.";
        var svg = SvgChart.Columns(DailyId + "-chart", "Tokens per day by model", caption, series, bars, Tokens);
        var table = Table(["date", "model", "tokens", "cost"], rows.OrderBy(r => r.Date).ThenBy(r => r.Model, StringComparer.Ordinal)
            .Select(r => new[] { Date(r.Date), r.Model, Count(r.Tokens), Money(r.Cost) }));
        return Figure(SvgChart.Legend(series), svg, caption, table);
    }

    private static string BlocksChart(IReadOnlyList<BlockSummary> blocks)
    {
        ChartSeries done = new("finished block", "#56B4E9"), open = new("block still open", "#E69F00");
        var ordered = blocks.OrderBy(b => b.Start).ToList();
        var bars = ordered.Select(b => new ChartBar(b.Start.UtcDateTime.ToString("MM-dd HH:mm", CultureInfo.InvariantCulture),
            b.IsActive ? [0, (double)(b.Cost ?? 0)] : [(double)(b.Cost ?? 0), 0])).ToList();
        var top = ordered.MaxBy(b => b.Cost ?? 0)!;
        string caption = $"Each bar is one 5-hour usage window and what its tokens would cost at API prices. {ordered.Count} blocks; " +
            $"the most expensive started {Time(top.Start)} and came to {Money(top.Cost)} ({Tokens(top.Tokens)} tokens)." +
            (ordered.Any(b => b.IsActive) ? " The orange bar is the window still open." : "") +
            (ordered.Any(b => b.Cost is null) ? " Some blocks include a model without a price; their bars show only the priced part." : "");
        var svg = SvgChart.Columns(BlocksId + "-chart", "API-equivalent cost per 5-hour block", caption, [done, open], bars, v => Money(v));
        var table = Table(["start", "end", "tokens", "cost", "state"], ordered.Select(b => new[] { Time(b.Start), Time(b.End), Count(b.Tokens), Money(b.Cost), b.IsActive ? "open" : "finished" }));
        return Figure(SvgChart.Legend([done, open]), svg, caption, table);
    }

    private static string MonthChart(MonthCost m)
    {
        ChartSeries api = new("API-equivalent cost", "#0072B2"), plan = new(m.PlanName is null ? "plan price" : $"{m.PlanName} plan price", "#009E73");
        var bars = new List<ChartBar> { new($"{m.Month} at API prices", [(double)m.ApiEquivalentCost, 0]) };
        string caption;
        if (m.PlanPrice is { } price)
        {
            bars.Add(new ChartBar(plan.Name, [0, (double)price]));
            var ratio = price > 0 ? m.ApiEquivalentCost / price : 0;
            caption = m.ApiEquivalentCost >= price
                ? $"At API prices, {m.Month}'s use would cost {Money(m.ApiEquivalentCost)}: {ratio.ToString("0.0", CultureInfo.InvariantCulture)}× the {plan.Name} of {Money(price)}. The subscription is the cheaper way to pay for this much use."
                : $"At API prices, {m.Month}'s use would cost {Money(m.ApiEquivalentCost)}, less than the {plan.Name} of {Money(price)}. Paying per token with an API key would have cost less so far.";
        }
        else caption = $"At API prices, {m.Month}'s use would cost {Money(m.ApiEquivalentCost)}. The plan's price is not known, so there is nothing to compare it with.";
        var svg = SvgChart.Rows(MonthId + "-chart", "This month's API-equivalent cost against the plan price", caption, [api, plan], bars, v => Money(v));
        var table = Table(["month", "API-equivalent cost", "plan", "plan price"], [[m.Month, Money(m.ApiEquivalentCost), m.PlanName ?? "unknown", Money(m.PlanPrice)]]);
        return Figure("", svg, caption, table);
    }

    private static IEnumerable<Part> LedgerParts(SourceResult<LedgerReport> ledger)
    {
        const string byVerdict = "Launches by billing source", byBeneficiary = "Launches by beneficiary";
        if (ledger.Data is not { } l)
        {
            yield return new Part(VerdictId, byVerdict, null, ledger.Missing, ledger.HowToGet);
            yield return new Part(BeneficiaryId, byBeneficiary, null, ledger.Missing, ledger.HowToGet);
            yield break;
        }
        var verdicts = l.Launches.GroupBy(x => x.Verdict).OrderByDescending(g => g.Count()).Select(g => g.Key).ToList();
        var series = verdicts.Select(v => new ChartSeries(v.Name(), VerdictColor(v))).ToList();
        string counts = string.Join(", ", verdicts.Select(v => $"{l.Launches.Count(x => x.Verdict == v)} {BillingWords.Verdict(v)}"));
        string caption = $"Which bill each of the {l.Launches.Count} launches hit: {counts}.";
        var bars = verdicts.Select(v => new ChartBar(v.Name(), verdicts.Select(s => s == v ? (double)l.Launches.Count(x => x.Verdict == v) : 0).ToList())).ToList();
        var svg = SvgChart.Rows(VerdictId + "-chart", "Launches by billing source", caption, series, bars, Count);
        var table = Table(["billing source", "launches", "forced past a refusal"], verdicts.Select(v => new[] { v.Name(), Count(l.Launches.Count(x => x.Verdict == v)), Count(l.Launches.Count(x => x.Verdict == v && x.Forced)) }));
        yield return new Part(VerdictId, byVerdict, Figure("", svg, caption, table), null, null);

        var people = l.Launches.GroupBy(x => x.Beneficiary).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).ToList();
        var shownPeople = people.Take(MaxBeneficiaries).ToList();
        var rows = shownPeople.Select(g => new ChartBar(g.Key, verdicts.Select(v => (double)g.Count(x => x.Verdict == v)).ToList())).ToList();
        if (people.Count > shownPeople.Count)
        {
            var rest = people.Skip(MaxBeneficiaries).SelectMany(g => g).ToList();
            rows.Add(new ChartBar($"{people.Count - MaxBeneficiaries} others", verdicts.Select(v => (double)rest.Count(x => x.Verdict == v)).ToList()));
        }
        int othersOnSeat = l.Launches.Count(x => x.Beneficiary != x.Owner && x.Verdict == Billing.Subscription);
        string caption2 = $"Who each launch served, coloured by the bill it hit. Work done for someone other than the seat's owner belongs on an API key. " +
            (othersOnSeat == 0 ? "No launch served someone else on the subscription." : $"{othersOnSeat} launches served someone else on the subscription: check them.");
        var svg2 = SvgChart.Rows(BeneficiaryId + "-chart", "Launches by beneficiary and billing source", caption2, series, rows, Count);
        var recent = l.Launches.OrderByDescending(x => x.Time).Take(RecentLaunches);
        var table2 = Table(["beneficiary", "launches", "on the subscription"], people.Select(g => new[] { g.Key, Count(g.Count()), Count(g.Count(x => x.Verdict == Billing.Subscription)) })) +
            $"<h3>Latest {Math.Min(RecentLaunches, l.Launches.Count)} launches</h3>" +
            Table(["time", "beneficiary", "owner", "billing source", "credential", "cost", "command"], recent.Select(x => new[]
            {
                Time(x.Time), x.Beneficiary, x.Owner, x.Verdict.Name() + (x.Forced ? " (forced)" : ""), x.CredentialKind, x.CostUsd is null ? "-" : Money(x.CostUsd.Value), x.Command,
            }));
        yield return new Part(BeneficiaryId, byBeneficiary, Figure(SvgChart.Legend(series), svg2, caption2, table2), null, null);
    }

    private static Part ScanPart(SourceResult<ScanSummary> scan)
    {
        const string title = "Scan findings by tier";
        if (scan.Data is not { } s) return new Part(ScanId, title, null, scan.Missing, scan.HowToGet);
        var worstFirst = Tiers.All.Reverse().ToList();
        var series = worstFirst.Select(t => new ChartSeries(t.Name(), TierColor(t))).ToList();
        int Of(Tier tier) => s.Findings.Where(f => f.Tier == tier).Sum(f => f.Count);
        var bars = worstFirst.Select(t => new ChartBar(t.Name(), worstFirst.Select(x => x == t ? (double)Of(t) : 0).ToList())).ToList();
        string caption = $"Findings of the scan of {s.Target} at {Time(s.ScannedAt)}: {Of(Tier.Red)} red (put the seat at risk: fix them), " +
            $"{Of(Tier.Gray)} gray (depend on how the code is used: check them), {Of(Tier.Green)} green (fine).";
        var svg = SvgChart.Rows(ScanId + "-chart", "Scan findings by tier", caption, series, bars, Count);
        var table = Table(["tier", "rule", "findings"], s.Findings.OrderByDescending(f => f.Tier)
            .ThenByDescending(f => f.Count).Select(f => new[] { f.Tier.Name(), f.Rule, Count(f.Count) }));
        return new Part(ScanId, title, Figure("", svg, caption, table), null, null);
    }

    internal static string VerdictColor(Billing verdict) => verdict switch
    {
        Billing.Subscription => "#009E73",
        Billing.ApiKey => "#E69F00",
        Billing.Gateway => "#CC79A7",
        Billing.CloudProvider => "#0072B2",
        _ => "#999999",
    };

    internal static string TierColor(Tier tier) => tier switch
    {
        Tier.Red => "#D55E00",
        Tier.Green => "#009E73",
        _ => "#999999",
    };

    internal static string Figure(string legend, string svg, string caption, string table) =>
        $"<figure>{legend}{svg}<figcaption>{Esc(caption)}</figcaption><details><summary>Show the numbers</summary>{table}</details></figure>";

    internal static string Table(string[] headers, IEnumerable<string[]> rows)
    {
        var sb = new StringBuilder("<table><thead><tr>");
        foreach (var h in headers) sb.Append("<th scope=\"col\">").Append(Esc(h)).Append("</th>");
        sb.Append("</tr></thead><tbody>");
        foreach (var row in rows)
        {
            sb.Append("<tr>");
            foreach (var cell in row) sb.Append("<td>").Append(Esc(cell)).Append("</td>");
            sb.Append("</tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }

    internal const string Css = """
        :root{color-scheme:light;--ink:#1f2328;--muted:#57606a;--line:#d0d7de}
        body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--ink);margin:0 auto;max-width:1040px;padding:24px;line-height:1.45;background:#fff}
        h1{font-size:28px;margin:0 0 4px}h2{font-size:21px;margin:0 0 8px}h3{font-size:16px;margin:16px 0 6px}
        .meta{color:var(--muted);margin:0 0 12px}
        .glance{display:flex;flex-wrap:wrap;gap:12px;margin:0}.glance div{border:1px solid var(--line);border-radius:8px;padding:8px 16px;min-width:140px}
        .glance dt{color:var(--muted);font-size:13px}.glance dd{margin:0;font-size:24px;font-weight:600}
        section{border-top:1px solid var(--line);padding:20px 0}
        figure{margin:0}svg.chart{display:block;width:100%;height:auto;max-width:960px}
        svg text{font-family:inherit;fill:var(--ink)}svg .axis{font-size:12px;fill:var(--muted)}svg .label{font-size:14px}svg .value{font-size:14px;font-weight:600}
        svg .grid{stroke:#eaeef2;stroke-width:1}svg .baseline{stroke:#8c959f;stroke-width:1}
        figcaption{font-size:16px;margin:8px 0}
        .legend{list-style:none;padding:0;margin:0 0 6px;display:flex;flex-wrap:wrap;gap:6px 16px;font-size:14px}
        .swatch{display:inline-block;width:12px;height:12px;border-radius:2px;margin-right:6px;vertical-align:-1px}
        details summary{cursor:pointer;color:var(--muted)}
        table{border-collapse:collapse;margin:8px 0;font-size:13px}th,td{border-bottom:1px solid var(--line);padding:3px 10px;text-align:left;vertical-align:top}
        td{overflow-wrap:anywhere}
        .nodata{background:#fff8c5;border:1px solid #d4a72c;border-radius:8px;padding:4px 16px}
        code{background:#f6f8fa;padding:1px 4px;border-radius:4px}
        footer{color:var(--muted);font-size:13px;border-top:1px solid var(--line);padding-top:12px}
        """;
}
