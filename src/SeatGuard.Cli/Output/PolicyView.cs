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
        Layout.Heading(c, "[bold]The rule[/]");
        c.MarkupLine(E(book.Rule.Summary));
        c.MarkupLine($"[grey]{E(book.Rule.Detail)}[/]");
        c.MarkupLine($"[grey]Sources: {E(string.Join("; ", book.SourcesOf(book.Rule.Sources).Select(s => s.Long)))}[/]");

        foreach (var tier in book.Tiers)
        {
            c.WriteLine();
            Layout.Heading(c, $"[bold {SpectreDecisionPrompt.TierStyle(tier.Id)}]{E(tier.Id.Name())}: {E(tier.Title)}[/] [grey](credential: {E(tier.Credential.Name())})[/]");
            c.MarkupLine(E(tier.Summary));
            foreach (var s in book.Scenarios.Where(s => s.Tier == tier.Id))
            {
                Indent(c, 2, $"[bold]{E(s.Id)}[/]  {E(s.Title)}");
                Indent(c, 4, $"[grey]{E(s.Why)}[/]");
            }
        }

        c.WriteLine();
        Layout.Heading(c, "[bold]The five questions[/] [grey](all are answered; the strictest outcome wins)[/]");
        foreach (var q in book.Questions)
        {
            Indent(c, 2, $"[bold]{E(q.Id)}[/]  {E(q.Text)}");
            Indent(c, 6, $"[grey]{E(q.Why)}[/]");
            Indent(c, 6, $"yes: {E(q.IfYes)}");
            Indent(c, 6, $"no:  {E(q.IfNo)}");
        }
        c.MarkupLine("  No concern on any question: [green]green[/], use the subscription.");

        c.WriteLine();
        Layout.Heading(c, "[bold]Sources[/]");
        foreach (var s in book.Sources) Indent(c, 2, E(s.Long));
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
            Indent(c, 2, $"[grey]Source: {E(string.Join("; ", book.SourcesOf(e.Sources).Select(s => s.Long)))}[/]");
        }
    }

    /// <summary>A paragraph whose wrapped lines keep the indentation.</summary>
    private static void Indent(IAnsiConsole c, int left, string markup) =>
        c.Write(new Padder(new Markup(markup), new Padding(left, 0, 0, 0)) { Expand = false });

    private static string E(string text) => TerminalText.Markup(text);

    /// <summary>After <c>policy update</c>: what is in force now and what changed.</summary>
    public static void RenderUpdate(Terminal t, PolicyUpdateResult r)
    {
        var c = t.Console_;
        c.MarkupLine($"Installed policy book [bold]{E(r.Version)}[/] ({E(r.Date)}) from {E(r.From)}{(r.Forced ? " [yellow](forced: older than the built-in book)[/]" : "")}.");
        c.MarkupLine($"[grey]It replaces {E(r.PreviousVersion)} and is kept in {E(r.File)}.[/]");
        RenderChanges(c, r.Changes);
    }

    /// <summary>What one book changes against another.</summary>
    public static void RenderChanges(IAnsiConsole c, PolicyChanges d)
    {
        c.MarkupLine($"[bold]Policy book {E(d.From.Version)} ({E(d.From.Date)}) → {E(d.To.Version)} ({E(d.To.Date)})[/]");
        if (!d.Any)
        {
            c.MarkupLine("  No scenario, tier or event changes.");
            return;
        }
        foreach (var s in d.ChangedScenarios)
            Indent(c, 2, $"[bold]{E(s.Id)}[/]: [{SpectreDecisionPrompt.TierStyle(s.FromTier)}]{E(s.FromTier.Name())}[/]/{E(s.FromCredential.Name())} → [{SpectreDecisionPrompt.TierStyle(s.ToTier)}]{E(s.ToTier.Name())}[/]/{E(s.ToCredential.Name())}  {E(s.Title)}");
        if (d.AddedScenarios.Count > 0) Indent(c, 2, "New scenarios: " + E(string.Join(", ", d.AddedScenarios)));
        if (d.RemovedScenarios.Count > 0) Indent(c, 2, "Removed scenarios: " + E(string.Join(", ", d.RemovedScenarios)));
        foreach (var e in d.AddedEvents) Indent(c, 2, $"New event {E(e.Date)}: {E(e.Title)}");
        foreach (var e in d.RemovedEvents) Indent(c, 2, $"Removed event {E(e.Date)}: {E(e.Title)}");
    }
}
