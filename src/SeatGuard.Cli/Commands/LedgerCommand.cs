using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard ledger</c>: the launches SeatGuard recorded; <c>ledger export</c> writes them for a support ticket.</summary>
public static class LedgerCommand
{
    public static Command Create(CliContext context)
    {
        var since = Since();
        var command = new Command("ledger", "List the launches recorded by `seatguard run` and `seatguard verify` (time, directory, beneficiary, mode, credential fingerprint, verdict, cost).") { since };
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var from = DateArgument.ParseInstant(parse.GetValue(since), "--since");
            var path = services.LedgerPath;
            var entries = Read(path, from);
            if (context.Json(parse)) context.WriteJson(new LedgerListing(path, entries), LedgerJson.Default.LedgerListing);
            else LaunchView.RenderLedger(context.Terminal, path, entries);
            return ExitCodes.Ok;
        });
        command.Subcommands.Add(Export(context));
        return command.WithExamples("seatguard ledger --since 2026-11-01", "seatguard ledger --json", "seatguard ledger export --since 2026-11-01 --format csv > launches.csv");
    }

    private static Option<string?> Since() => new("--since") { Description = "Only launches on or after this date (YYYY-MM-DD, UTC) or ISO time.", HelpName = "DATE" };

    private static Command Export(CliContext context)
    {
        var since = Since();
        var format = new Option<string>("--format") { Description = "json (default) or csv.", DefaultValueFactory = _ => "json", HelpName = "json|csv" };
        format.AcceptOnlyFromAmong("json", "csv");
        var command = new Command("export",
            "Write the recorded launches for a billing dispute or support ticket: per launch the session id, models, request ids, every rate-limit event " +
            "(window, status, utilisation, overage flags, reset), total_cost_usd and the verdict, with credential fingerprints only.")
        {
            since, format,
        };
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var from = DateArgument.ParseInstant(parse.GetValue(since), "--since");
            var export = new LedgerExport(services.LedgerPath, services.Now, from, Read(services.LedgerPath, from));
            if (parse.GetValue(format) == "csv" && !context.Json(parse)) context.Terminal.Out.Write(export.ToCsv());
            else context.WriteJson(export, LedgerJson.Default.LedgerExport);
            return ExitCodes.Ok;
        });
        return command.WithExamples("seatguard ledger export --since 2026-11-01 > launches.json", "seatguard ledger export --format csv");
    }

    private static IReadOnlyList<LedgerEntry> Read(string path, DateTimeOffset? from)
    {
        try
        {
            return LedgerStore.ReadIfExists(path, from);
        }
        catch (LedgerException e)
        {
            throw new InputException(e.Message);
        }
    }
}
