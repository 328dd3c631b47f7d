using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Policy;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard policy show|history|update|diff</c>: the policy book, its dated events, installing a newer one, and what one changes.</summary>
public static class PolicyCommand
{

    public static Command Create(CliContext context)
    {
        var command = new Command("policy", "The policy book SeatGuard decides by: the rule, tiers, scenarios, questions, and dated policy changes.");
        command.Options.Add(context.Common.PolicyFile);

        var show = new Command("show", "The policy book as a readable page (--json: the whole book).");
        show.SetAction(parse =>
        {
            var book = Load(context, parse);
            if (context.Json(parse)) context.WriteJson(book, PolicyJson.Default.PolicyBook);
            else PolicyView.RenderBook(context.Terminal.Console_, book);
            return 0;
        });

        var history = new Command("history", "The dated policy events the book records, oldest first.");
        history.SetAction(parse =>
        {
            var book = Load(context, parse);
            if (context.Json(parse))
            {
                var doc = new PolicyHistory(book.Version, book.Date, book.Events, book.Sources);
                context.WriteJson(doc, PolicyJson.Default.PolicyHistory);
            }
            else PolicyView.RenderHistory(context.Terminal.Console_, book);
            return 0;
        });

        var from = new Option<string>("--from") { Description = "A policy book file, or an https:// address (plain http only from this machine).", HelpName = "FILE|URL", Required = true };
        var force = new Option<bool>("--force") { Description = "Install even a book older than the one built into this SeatGuard." };
        var update = new Command("update", "Install a newer policy book (validated as a whole; kept in SeatGuard's config dir; `policy show` names it as the book in force).")
        {
            from, force,
        };
        update.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var result = await new PolicyBookStore(services.Host, services.Web, services.Clock).InstallAsync(parse.GetValue(from)!, parse.GetValue(force), ct);
            if (context.Json(parse)) context.WriteJson(result, PolicyJson.Default.PolicyUpdateResult);
            else PolicyView.RenderUpdate(context.Terminal, result);
            return 0;
        });

        var diffFrom = new Option<string?>("--from") { Description = "The book to compare with the one in force (default: compare the book in force with the built-in one).", HelpName = "FILE|URL" };
        var diff = new Command("diff", "What a policy book changes: scenarios whose tier or credential changed, scenarios and events added or removed.") { diffFrom };
        diff.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var changes = await new PolicyBookStore(services.Host, services.Web, services.Clock).DiffAsync(parse.GetValue(diffFrom), ct);
            if (context.Json(parse)) context.WriteJson(changes, PolicyJson.Default.PolicyChanges);
            else PolicyView.RenderChanges(context.Terminal.Console_, changes);
            return 0;
        });

        command.Subcommands.Add(show.WithExamples("seatguard policy show", "seatguard policy show --json | jq '.scenarios[] | {id, tier}'"));
        command.Subcommands.Add(history.WithExamples("seatguard policy history", "seatguard policy history --json"));
        command.Subcommands.Add(update.WithExamples("seatguard policy update --from https://example.org/seatguard/policy-book.yaml", "seatguard policy update --from ./policy-book.yaml --json"));
        command.Subcommands.Add(diff.WithExamples("seatguard policy diff --from ./policy-book.yaml", "seatguard policy diff   # what the installed book changes against the built-in one"));
        return command.WithExamples("seatguard policy show", "seatguard policy history --json", "seatguard policy diff");
    }

    public static PolicyBook Load(CliContext context, ParseResult parse) =>
        PolicyBookLoader.Load(context.Host(parse), parse.GetValue(context.Common.PolicyFile));
}
