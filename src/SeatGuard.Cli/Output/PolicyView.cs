using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of <c>seatguard policy show|history</c>.</summary>
public static class PolicyView
{
    public static void RenderBook(IAnsiConsole c, PolicyBook book)
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
            c.Write(new Rule($"[bold {SpectreDecisionPrompt.TierStyle(tier.Id)}]{E(tier.Id.Name())}: {E(tier.Title)}[/] [grey](credential: {E(tier.Credential.Name())})[/]") { Justification = Justify.Left });
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

    public static void RenderHistory(IAnsiConsole c, PolicyBook book)
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

    private static string E(string text) => TerminalText.Markup(text);
}
