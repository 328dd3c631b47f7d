using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Policy;
using Spectre.Console;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard policy show|history</c>: the policy book as a page, and its dated events.</summary>
public static class PolicyCommand
{
    /// <summary><c>--policy FILE</c>: a user file that overrides or extends the embedded book (also used by <c>decide</c>).</summary>
    public static readonly Option<string?> PolicyFile = new("--policy")
    {
        Description = "A policy file that overrides or extends the built-in book by id (default: $XDG_CONFIG_HOME/seatguard/policy.yaml or ~/.config/seatguard/policy.yaml when present).",
        HelpName = "FILE",
        Recursive = true,
    };

    public static Command Create(CliContext context)
    {
        var command = new Command("policy", "The policy book SeatGuard decides by: the rule, tiers, scenarios, questions, and dated policy changes.");
        command.Options.Add(PolicyFile);

        var show = new Command("show", "The policy book as a readable page (--json: the whole book).");
        show.SetAction(parse =>
        {
            var book = Load(context, parse);
            if (context.Json(parse)) context.Terminal.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(book, PolicyJson.Readable.PolicyBook));
            else RenderBook(context.Terminal.Console_, book);
            return 0;
        });

        var history = new Command("history", "The dated policy events the book records, oldest first.");
        history.SetAction(parse =>
        {
            var book = Load(context, parse);
            if (context.Json(parse))
            {
                var doc = new PolicyHistory(book.Version, book.Date, book.Events, book.Sources);
                context.Terminal.Out.WriteLine(System.Text.Json.JsonSerializer.Serialize(doc, PolicyJson.Readable.PolicyHistory));
            }
            else RenderHistory(context.Terminal.Console_, book);
            return 0;
        });

        command.Subcommands.Add(show);
        command.Subcommands.Add(history);
        return command;
    }

    public static PolicyBook Load(CliContext context, ParseResult parse) =>
        PolicyBookLoader.Load(context.Host(parse), parse.GetValue(PolicyFile));

    private static void RenderBook(IAnsiConsole c, PolicyBook book)
    {
        c.MarkupLine($"[bold]SeatGuard policy book {E(book.Version)}[/] [grey]({E(book.Date)}; from {E(string.Join(" + ", book.LoadedFrom))})[/]");
        c.WriteLine();
        c.Write(new Rule("[bold]The rule[/]") { Justification = Justify.Left });
        c.MarkupLine(E(book.Rule.Summary));
        c.MarkupLine($"[grey]{E(book.Rule.Detail)}[/]");
        c.MarkupLine($"[grey]Sources: {E(string.Join("; ", book.Cite(book.Rule.Sources)))}[/]");

        foreach (var tier in book.Tiers)
        {
            c.WriteLine();
            c.Write(new Rule($"[bold {SpectreDecisionPrompt.TierStyle(tier.Id)}]{E(tier.Id)}: {E(tier.Title)}[/] [grey](credential: {E(tier.Credential)})[/]") { Justification = Justify.Left });
            c.MarkupLine(E(tier.Summary));
            foreach (var s in book.Scenarios.Where(s => s.Tier == tier.Id))
            {
                Indent(c, 2, $"[bold]{E(s.Id)}[/]  {E(s.Title)}");
                Indent(c, 4, $"[grey]{E(s.Why)}[/]");
            }
        }

        c.WriteLine();
        c.Write(new Rule("[bold]The five questions[/] [grey](all are answered; the strictest outcome wins)[/]") { Justification = Justify.Left });
        foreach (var q in book.Questions)
        {
            Indent(c, 2, $"[bold]{E(q.Id)}[/]  {E(q.Text)}");
            Indent(c, 6, $"[grey]{E(q.Why)}[/]");
            Indent(c, 6, $"yes: {E(q.IfYes)}");
            Indent(c, 6, $"no:  {E(q.IfNo)}");
        }
        c.MarkupLine("  No concern on any question: [green]green[/], use the subscription.");

        c.WriteLine();
        c.Write(new Rule("[bold]Sources[/]") { Justification = Justify.Left });
        foreach (var s in book.Sources) Indent(c, 2, $"{E(s.Title)}{(s.Url is null ? "" : " — " + E(s.Url))}");
        c.MarkupLine("[grey]Dated policy changes: seatguard policy history[/]");
    }

    private static void RenderHistory(IAnsiConsole c, PolicyBook book)
    {
        c.MarkupLine($"[bold]Policy events[/] [grey](policy book {E(book.Version)}, {E(book.Date)})[/]");
        foreach (var e in book.Events)
        {
            c.WriteLine();
            c.MarkupLine($"[bold]{E(e.Date)}[/]  {E(e.Title)}");
            Indent(c, 2, E(e.Summary));
            if (e.Scenarios.Count > 0) Indent(c, 2, $"[grey]Affects: {E(string.Join(", ", e.Scenarios))}[/]");
            Indent(c, 2, $"[grey]Source: {E(string.Join("; ", book.Cite(e.Sources)))}[/]");
        }
    }

    /// <summary>A paragraph whose wrapped lines keep the indentation.</summary>
    private static void Indent(IAnsiConsole c, int left, string markup) =>
        c.Write(new Padder(new Markup(markup), new Padding(left, 0, 0, 0)) { Expand = false });

    private static string E(string text) => Markup.Escape(text);
}
