using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Report;
using static SeatGuard.Core.Report.ReportText;

namespace SeatGuard.Core.Team;

/// <summary>
/// The team report as one self-contained HTML page in the look of <c>seatguard report</c> (its stylesheet, charts
/// and tables, the same Content-Security-Policy): findings first, red ones marked, then launches and API-equivalent
/// cost per person by billing source, then every machine. Every string is scrubbed and escaped.
/// </summary>
public static class TeamHtmlWriter
{
    public const string FindingsId = "team-findings", LaunchesId = "team-launches", CostId = "team-cost", MachinesId = "team-machines";

    private const string ExtraCss = """
        .finding{border:1px solid var(--line);border-left:6px solid #999999;border-radius:6px;padding:8px 14px;margin:8px 0}
        .finding.red{border-left-color:#D55E00;background:#fff4ef}.finding.gray{border-left-color:#999999}
        .tier{display:inline-block;font-size:12px;font-weight:700;text-transform:uppercase;padding:1px 6px;border-radius:4px;color:#fff;background:#999999;margin-right:8px}
        .tier.red{background:#D55E00}.ok{color:#1a7f37}
        """;

    public static string Render(TeamReport report)
    {
        string scriptHash = Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(HtmlReportWriter.MeasureScript)));
        string period = report.Since is null ? "everything synced" : $"from {report.Since}";
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .Append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; script-src 'sha256-").Append(scriptHash).Append("'\">\n")
          .Append("<title>SeatGuard team report, ").Append(Esc(period)).Append("</title>\n<style>").Append(HtmlReportWriter.Css).Append(ExtraCss).Append("</style>\n</head>\n<body>\n")
          .Append("<header><h1>SeatGuard team report</h1><p class=\"meta\">Store ").Append(Esc(report.Store)).Append(" · ").Append(Esc(period))
          .Append(" · generated ").Append(Esc(report.GeneratedAt)).Append("</p>").Append(Glance(report)).Append("</header>\n<main>\n");
        Section(sb, FindingsId, "Findings", Findings(report));
        Section(sb, LaunchesId, "Launches by person and billing source", Launches(report));
        Section(sb, CostId, "API-equivalent cost by person and billing source", Cost(report));
        Section(sb, MachinesId, "Machines", Machines(report));
        sb.Append("</main>\n<footer>Made by SeatGuard from the team store. Fingerprints are keyed with the team secret; no credential was ever sent. This page loads nothing from the network.</footer>\n")
          .Append("<script type=\"application/json\" id=\"seatguard-layout\">[]</script>\n<script>").Append(HtmlReportWriter.MeasureScript).Append("</script>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static void Section(StringBuilder sb, string id, string title, string body) =>
        sb.Append("<section id=\"").Append(id).Append("\" class=\"present\"><h2>").Append(Esc(title)).Append("</h2>").Append(body).Append("</section>\n");

    private static string Glance(TeamReport r)
    {
        var items = new (string, string)[]
        {
            ("people", Count(r.People.Count)),
            ("machines", Count(r.Machines.Count)),
            ("launches", Count(r.People.Sum(p => p.Launches.Values.Sum()))),
            ("API-equivalent cost", Money(r.Totals.TotalCost)),
            ("red findings", Count(r.Findings.Count(f => f.Tier == Tier.Red))),
        };
        var sb = new StringBuilder("<dl class=\"glance\">");
        foreach (var (label, value) in items) sb.Append("<div><dt>").Append(Esc(label)).Append("</dt><dd>").Append(Esc(value)).Append("</dd></div>");
        return sb.Append("</dl>").ToString();
    }

    private static string Findings(TeamReport r)
    {
        if (r.Findings.Count == 0)
            return "<p class=\"ok\">No pooled seat, no runs on someone else's seat, no subscription launches for someone else.</p>";
        var sb = new StringBuilder();
        foreach (var f in r.Findings.OrderByDescending(f => f.Tier))
        {
            sb.Append("<div class=\"finding ").Append(f.Tier.Name()).Append("\" data-finding=\"").Append(Esc(f.Id)).Append("\"><p><span class=\"tier ").Append(f.Tier.Name()).Append("\">")
              .Append(Esc(f.Tier.Name())).Append("</span><strong>").Append(Esc(f.Id)).Append("</strong> ").Append(Esc(f.Message)).Append("</p>")
              .Append("<p class=\"meta\">people: ").Append(Esc(string.Join(", ", f.People))).Append(" · machines: ").Append(Esc(string.Join(", ", f.Machines)))
              .Append(f.Fingerprint is null ? "" : " · credential " + Esc(f.Fingerprint)).Append("</p></div>");
        }
        return sb.ToString();
    }

    private static List<string> SourcesOf(IEnumerable<IReadOnlyDictionary<string, int>> counts) =>
        TeamReportBuilder.Sources.Concat(counts.SelectMany(c => c.Keys)).Distinct(StringComparer.Ordinal).ToList();

    private static string Launches(TeamReport r)
    {
        var sources = SourcesOf(r.People.Select(p => p.Launches));
        var series = sources.Select(Series).ToList();
        int total = r.People.Sum(p => p.Launches.Values.Sum());
        var bars = r.People.Select(p => new ChartBar(p.Person, sources.Select(s => (double)p.Launches.GetValueOrDefault(s)).ToList())).ToList();
        string caption = total == 0
            ? "No launches were synced: launches are recorded when Claude Code is started with `seatguard run` or checked with `seatguard verify`."
            : $"Which bill each person's {Count(total)} launches hit. " +
              $"{Count(r.People.Sum(p => p.ForOthers))} were for someone else, {Count(r.People.Sum(p => p.OverageEvents))} drew on overage, " +
              $"{Count(r.People.Sum(p => p.ApiKeyFallbacks))} were a person's own work billed to an API key.";
        var svg = SvgChart.Rows(LaunchesId + "-chart", "Launches by person and billing source", caption, series, bars, Count);
        var table = HtmlReportWriter.Table(["person", "machines", .. sources, "for someone else", "overage", "own work on an API key"],
            r.People.Select(p => new[] { p.Person, string.Join(", ", p.Machines) }
                .Concat(sources.Select(s => $"{Count(p.Launches.GetValueOrDefault(s))} ({Percent(p.LaunchShare.GetValueOrDefault(s))})"))
                .Concat([Count(p.ForOthers), Count(p.OverageEvents), Count(p.ApiKeyFallbacks)]).ToArray()));
        return HtmlReportWriter.Figure(SvgChart.Legend(series), svg, caption, table);
    }

    private static string Cost(TeamReport r)
    {
        var sources = TeamReportBuilder.Sources.Concat(r.People.SelectMany(p => p.CostBySource.Keys)).Distinct(StringComparer.Ordinal)
            .Where(s => r.People.Any(p => p.CostBySource.ContainsKey(s)) || TeamReportBuilder.Sources.Contains(s)).ToList();
        var series = sources.Select(Series).ToList();
        var bars = r.People.Select(p => new ChartBar(p.Person, sources.Select(s => p.CostBySource.GetValueOrDefault(s)).ToList())).ToList();
        string caption = $"What each person's Claude Code use would cost at API prices ({Money(r.Totals.TotalCost)} in all, {Tokens(r.Totals.TotalTokens)} tokens), " +
            "split by the bill that paid for each session (\"unrecorded\": sessions not started through `seatguard run`).";
        var svg = SvgChart.Rows(CostId + "-chart", "API-equivalent cost by person and billing source", caption, series, bars, v => Money(v));
        var table = HtmlReportWriter.Table(["person", "tokens", "cost", .. sources],
            r.People.Select(p => new[] { p.Person, Count(p.TotalTokens), Money(p.CostUsd) }
                .Concat(sources.Select(s => $"{Money(p.CostBySource.GetValueOrDefault(s))} ({Percent(p.CostShare.GetValueOrDefault(s))})")).ToArray()));
        return HtmlReportWriter.Figure(SvgChart.Legend(series), svg, caption, table);
    }

    private static string Machines(TeamReport r) =>
        "<p>Every machine that synced, with what its doctor said at its last sync.</p>" +
        HtmlReportWriter.Table(["machine", "person", "OS user", "last sync", "doctor", "credential", "launches", "cost", "tokens"],
            r.Machines.Select(m => new[]
            {
                m.Machine, m.Person, m.OsUser, m.LastSync, m.Doctor?.Verdict ?? "-",
                m.Doctor is null ? "-" : $"{m.Doctor.CredentialKind} ({m.Doctor.CredentialSource}){(m.Doctor.Fingerprint is null ? "" : " " + m.Doctor.Fingerprint)}",
                Count(m.Launches.Values.Sum()), Money(m.CostUsd), Count(m.TotalTokens),
            }));

    private static ChartSeries Series(string source, int index) =>
        new(source, BillingNames.TryParse(source, out Billing b) && b != Billing.Unknown && b != Billing.None
            ? HtmlReportWriter.VerdictColor(b)
            : HtmlReportWriter.Palette[(index + 4) % HtmlReportWriter.Palette.Length]);

    private static string Percent(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
