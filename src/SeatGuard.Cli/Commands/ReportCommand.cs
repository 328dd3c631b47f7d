using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Report;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard report --html FILE</c>: one self-contained HTML page with charts.</summary>
public static class ReportCommand
{
    public static Command Create(CliContext context)
    {
        var html = new Option<string>("--html") { Description = "Write the page to this file (one self-contained HTML file).", HelpName = "FILE", Required = true }.FilePath();
        var since = new Option<string?>("--since") { Description = "First day of the report (YYYY-MM-DD, UTC; default: 29 days before --until).", HelpName = "DATE" };
        var until = new Option<string?>("--until") { Description = "Last day of the report (YYYY-MM-DD, UTC; default: today).", HelpName = "DATE" };
        var scan = new Option<string?>("--scan") { Description = "Scan this repository and include its findings.", HelpName = "PATH" };
        var plan = new Option<string?>("--plan") { Description = "Compare the month's API-equivalent cost with this plan's price: pro, max5, max20.", HelpName = "PLAN" };
        var command = new Command("report", "A single HTML page with charts: usage by day and model, 5-hour blocks, the month's cost against the plan, launches by billing source and beneficiary, scan findings by tier.")
        {
            html, since, until, scan, plan,
        };
        command.Uses(context.Common.ConfigDir);
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var now = services.Now;
            var last = DateArgument.Parse(parse.GetValue(until), "--until") ?? DateOnly.FromDateTime(now.UtcDateTime);
            var first = DateArgument.Parse(parse.GetValue(since), "--since") ?? ReportPeriod.LastThirtyDays(last).From;
            if (first > last) throw new InputException($"--since {first:yyyy-MM-dd} is after --until {last:yyyy-MM-dd}");
            var scanPath = parse.GetValue(scan) is { } sp ? Path.GetFullPath(sp, host.WorkingDirectory) : null;
            if (scanPath is not null && !Directory.Exists(scanPath) && !File.Exists(scanPath)) throw new InputException($"--scan: '{parse.GetValue(scan)}' does not exist");

            // Plans come from the price book; checked here rather than when the command tree is built, so start-up does not parse it.
            if (parse.GetValue(plan) is { } planId && !SeatGuard.Core.Usage.PriceBook.Embedded.Plans.Any(p => p.Id == planId))
                throw new InputException($"--plan must be one of {string.Join(", ", SeatGuard.Core.Usage.PriceBook.Embedded.Plans.Select(p => p.Id))}, not '{planId}'");
            var usage = new TranscriptUsageSource(host, context.ConfigDir(parse), parse.GetValue(plan), now);
            IScanReportSource scans = scanPath is null ? NoScanSource.Instance : new RepositoryScanSource(scanPath, now, Environment.ProcessorCount, services.Commands, host.Get("PATH"));
            var builder = new ReportBuilder(usage, new LedgerReportSource(services.LedgerPath), scans);
            var report = HtmlReportWriter.Render(builder.Build(new ReportPeriod(first, last), now));

            var file = Path.GetFullPath(parse.GetValue(html)!, host.WorkingDirectory);
            UserFiles.WriteText(file, report.Html);

            if (context.Json(parse)) context.WriteJson(new ReportSummary(file, report.Sections), ReportJson.Default.ReportSummary);
            else
            {
                var missing = report.Sections.Where(s => !s.HasData).Select(s => s.Title).ToList();
                context.Terminal.Out.WriteLine(TerminalText.Safe($"Wrote {file} ({report.Sections.Count - missing.Count} of {report.Sections.Count} sections with data" +
                    (missing.Count == 0 ? ")." : $"; no data for: {string.Join(", ", missing)}; the page says how to get it).")));
            }
            return ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard report --html report.html",
            "seatguard report --html report.html --scan . --plan max20 --since 2026-11-01");
    }
}
