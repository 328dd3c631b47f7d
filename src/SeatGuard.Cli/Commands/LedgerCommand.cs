using System.CommandLine;
using System.Globalization;
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
            var host = context.Host(parse);
            DateTimeOffset? from = null;
            if (parse.GetValue(since) is { } s)
            {
                if (!DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var d))
                    throw new UsageException($"--since: '{s}' is not a date (YYYY-MM-DD)");
                from = d;
            }
            var path = LedgerStore.DefaultPath(host);
            IReadOnlyList<LedgerEntry> entries;
            try
            {
                if (!File.Exists(path)) entries = [];
                else
                {
                    using var store = LedgerStore.Open(path);
                    entries = store.List(from);
                }
            }
            catch (LedgerException e)
            {
                throw new UsageException(e.Message);
            }
            if (context.Json(parse)) JsonOutput.Write(context.Terminal.Out, new LedgerListing(path, entries), LedgerJson.Default.LedgerListing);
            else LaunchView.RenderLedger(context.Terminal, path, entries);
            return ExitCodes.Ok;
        });
        return command;
    }
}
