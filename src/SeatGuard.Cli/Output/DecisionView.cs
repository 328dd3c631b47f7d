using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of <c>seatguard decide</c>: the verdict, and the list of named scenarios.</summary>
public static class DecisionView
{
    /// <summary>What a credential verdict asks the user to do.</summary>
    public static string CredentialAdvice(Recommendation credential) => credential switch
    {
        Recommendation.Subscription => "your subscription's OAuth credential is fine",
        Recommendation.ApiKey => "use an API key",
        _ => "stop: restructure before running this again",
    };

    public static void RenderDecision(IAnsiConsole c, PolicyBook book, Decision d)
    {
        var style = SpectreDecisionPrompt.TierStyle(d.Tier);
        var grid = new Grid().AddColumn(new GridColumn().NoWrap().PadRight(2)).AddColumn();
        grid.AddRow(new Markup("[bold]tier[/]"), new Markup($"[bold {style}]{E(d.Tier.Name().ToUpperInvariant())}[/] [grey]({E(book.Tier(d.Tier).Title)})[/]"));
        grid.AddRow(new Markup("[bold]credential[/]"), new Markup($"[{style}]{E(d.Credential.Name())}[/] [grey]— {E(CredentialAdvice(d.Credential))}[/]"));
        grid.AddRow(new Markup("[bold]decided by[/]"), new Markup(E(DecidedByText(book, d))));
        if (d.Answers.Count > 0)
            grid.AddRow(new Markup("[bold]answers[/]"), new Markup(E(string.Join("  ", d.Answers.Select(a => $"{a.Key} {a.Value}")))));
        grid.AddRow(new Markup("[bold]reason[/]"), new Markup(E(d.Reason)));
        grid.AddRow(new Markup("[bold]rule[/]"), new Markup($"[grey]{E(d.Rule)}[/]"));
        grid.AddRow(new Markup("[bold]sources[/]"), new Markup(E(string.Join("\n", d.SourceDetails.Select(s => s.Long)))));
        c.Write(grid);
    }

    private static string DecidedByText(PolicyBook book, Decision d)
    {
        if (d.DecidedBy.StartsWith("scenario:", StringComparison.Ordinal)) return d.DecidedBy;
        if (d.Tier == Tier.Green) return $"q1–{d.DecidedBy}: no answer raised a concern";
        var q = book.Questions.FirstOrDefault(q => q.Id == d.DecidedBy);
        return q is null ? d.DecidedBy : $"{q.Id}: {q.Text}";
    }

    public static void RenderScenarios(IAnsiConsole c, PolicyBook book)
    {
        if (Layout.Narrow(c))
        {
            // A narrow terminal: the id, tier and credential on one line, the title under them.
            foreach (var s in book.Scenarios.OrderBy(s => s.Tier))
            {
                c.MarkupLine($"[bold]{E(s.Id)}[/]  [{SpectreDecisionPrompt.TierStyle(s.Tier)}]{E(s.Tier.Name())}[/]  {E(s.Credential.Name())}");
                c.MarkupLine($"    {E(s.Title)}");
            }
            c.MarkupLine("[grey]seatguard decide --scenario ID explains one.[/]");
            return;
        }
        var table = new Table().AddColumn(new TableColumn("id").NoWrap()).AddColumn(new TableColumn("tier").NoWrap())
            .AddColumn(new TableColumn("credential").NoWrap()).AddColumn("scenario");
        foreach (var s in book.Scenarios.OrderBy(s => s.Tier))
        {
            var style = SpectreDecisionPrompt.TierStyle(s.Tier);
            table.AddRow(new Markup(E(s.Id)), new Markup($"[{style}]{E(s.Tier.Name())}[/]"), new Markup(E(s.Credential.Name())), new Markup(E(s.Title)));
        }
        c.Write(table);
        c.MarkupLine("[grey]seatguard decide --scenario ID explains one.[/]");
    }

    private static string E(string text) => TerminalText.Markup(text);
}
