using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Policy;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard policy show|history</c>: the policy book as a page, and its dated events.</summary>
public static class PolicyCommand
{
    /// <summary><c>--policy FILE</c>: a user file that overrides or extends the embedded book (also used by <c>decide</c>).</summary>
    public static readonly Option<string?> PolicyFile = new Option<string?>("--policy")
    {
        Description = "A policy file that overrides or extends the built-in book by id (default: $XDG_CONFIG_HOME/seatguard/policy.yaml or ~/.config/seatguard/policy.yaml when present).",
        HelpName = "FILE",
        Recursive = true,
    }.FilePath();

    public static Command Create(CliContext context)
    {
        var command = new Command("policy", "The policy book SeatGuard decides by: the rule, tiers, scenarios, questions, and dated policy changes.");
        command.Options.Add(PolicyFile);

        var show = new Command("show", "The policy book as a readable page (--json: the whole book).")
            .WithExamples("seatguard policy show", "seatguard policy show --json | jq '.scenarios[].id'", "seatguard policy show --policy my-policy.yaml");
        show.SetAction(parse =>
        {
            var book = Load(context, parse);
            if (context.Json(parse)) context.WriteJson(book, PolicyJson.Default.PolicyBook);
            else PolicyView.RenderBook(context.Terminal.Console_, book);
            return 0;
        });

        var history = new Command("history", "The dated policy events the book records, oldest first.")
            .WithExamples("seatguard policy history", "seatguard policy history --json");
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

        command.Subcommands.Add(show);
        command.Subcommands.Add(history);
        return command.WithExamples("seatguard policy show", "seatguard policy history --json");
    }

    public static PolicyBook Load(CliContext context, ParseResult parse) =>
        PolicyBookLoader.Load(context.Host(parse), parse.GetValue(PolicyFile));
}
