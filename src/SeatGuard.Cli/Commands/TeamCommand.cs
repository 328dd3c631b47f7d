using System.CommandLine;
using System.Globalization;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Team;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard team report</c>: the team view from the team store, and the pooled seats in it.</summary>
public static class TeamCommand
{
    public static Command Create(CliContext context)
    {
        var store = SyncCommand.StoreOption();
        var since = new Option<string?>("--since") { Description = "Only usage and launches on or after this day (YYYY-MM-DD; each machine's own days).", HelpName = "DATE" };
        var html = new Option<string?>("--html") { Description = "Also write the report as one self-contained HTML page.", HelpName = "FILE" };
        var perPerson = new Option<int>("--machines-per-person")
        {
            Description = "One subscription credential on more machines than this is a pooled seat even for one person.",
            HelpName = "N",
            DefaultValueFactory = _ => TeamReportRequest.DefaultMachinesPerPerson,
        };
        var report = new Command("report", "Per person and machine: launches and API-equivalent cost by billing source, launches for someone else, overage, " +
            "own work on an API key; findings: pooled seats (one subscription credential used by several people or too many machines), runs on someone else's seat, " +
            "subscription launches for someone else. Exit 1 when a red finding is reported.")
        {
            store, since, html, perPerson,
        };
        report.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var address = TeamStoreAddress.Resolve(parse.GetValue(store), host, services.Config().TeamStore);
            int machines = parse.GetValue(perPerson);
            if (machines < 1) throw new InputException("--machines-per-person must be 1 or more");
            var request = new TeamReportRequest(address, DateArgument.Parse(parse.GetValue(since), "--since"), machines);
            var htmlFile = parse.GetValue(html) is { } h ? Path.GetFullPath(h, host.WorkingDirectory) : null;
            TeamReport result;
            try
            {
                result = await services.TeamReporter.BuildAsync(request, ct);
            }
            catch (TeamStoreException e)
            {
                context.Terminal.Error("seatguard: " + Redactor.Scrub(e.Message));
                return ExitCodes.CheckFailed;
            }
            if (htmlFile is not null) UserFiles.WriteText(htmlFile, TeamHtmlWriter.Render(result));
            if (context.Json(parse)) context.WriteJson(result, TeamJson.Default.TeamReport);
            else
            {
                TeamView.RenderReport(context.Terminal, result);
                if (htmlFile is not null) context.Terminal.Out.WriteLine($"Wrote {htmlFile}.");
            }
            return result.Findings.Any(f => f.Tier == Tier.Red) ? ExitCodes.CheckFailed : ExitCodes.Ok;
        });
        report.WithExamples(
            "seatguard team report --store postgresql://alice@db.example/seatguard",
            "seatguard team report --since 2026-11-01 --json | jq '.findings[] | select(.id == \"pooled-seat\")'",
            "seatguard team report --html team.html");
        var team = new Command("team", "The team view over the store that `seatguard sync` fills: who bills what, on which machines; is any seat pooled.") { report };
        return team.WithExamples("seatguard team report --store postgresql://alice@db.example/seatguard");
    }

    internal static string Share(double share) => (share * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
