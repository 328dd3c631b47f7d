using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard ledger</c>: the launches SeatGuard recorded.</summary>
public static class LedgerCommand
{
    public static Command Create(CliContext context)
    {
        var since = new Option<string?>("--since") { Description = "Only launches on or after this date (YYYY-MM-DD, UTC) or ISO time.", HelpName = "DATE" };
        var command = new Command("ledger", "List the launches recorded by `seatguard run` and `seatguard verify` (time, directory, beneficiary, mode, credential fingerprint, verdict, cost).") { since };
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var from = DateArgument.ParseInstant(parse.GetValue(since), "--since");
            var path = services.LedgerPath;
            IReadOnlyList<LedgerEntry> entries;
            try
            {
                entries = LedgerStore.ReadIfExists(path, from);
            }
            catch (LedgerException e)
            {
                throw new InputException(e.Message);
            }
            if (context.Json(parse)) context.WriteJson(new LedgerListing(path, entries), LedgerJson.Default.LedgerListing);
            else LaunchView.RenderLedger(context.Terminal, path, entries);
            return ExitCodes.Ok;
        });
        return command.WithExamples("seatguard ledger --since 2026-11-01", "seatguard ledger --json");
    }
}
