using Spectre.Console;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Cli.Output;

/// <summary><c>doctor --probe --matrix</c> for people: the agreement first, then one row per environment.</summary>
public static class MatrixView
{
    public static void Render(Terminal terminal, MatrixReport r)
    {
        var c = terminal.Console_;
        if (r.Refusal is not null)
        {
            c.MarkupLine($"[bold yellow]The matrix did not run: {TerminalText.Markup(r.Refusal)}.[/]");
            return;
        }
        bool all = r.AllAgree;
        c.MarkupLine(all
            ? $"[bold green]SeatGuard agrees with the installed Claude Code {TerminalText.Markup(r.ClaudeVersion ?? "?")} on all {r.Total} credential environments.[/]"
            : $"[bold red]SeatGuard disagrees with the installed Claude Code {TerminalText.Markup(r.ClaudeVersion ?? "?")} on {r.Total - r.Agreed} of {r.Total} credential environments: trust the wire, and report the rows below.[/]");
        var table = new Table().Border(TableBorder.Simple)
            .AddColumn("environment").AddColumn("predicted").AddColumn("on the wire").AddColumn("apiKeySource").AddColumn("agrees");
        foreach (var e in r.Environments)
        {
            string predicted = e.Predicted.Kind.Name() + (e.Predicted.SecondCredential is { } s ? " + " + s.Name() : "");
            string observed = e.Observed.Credential.Name() + (e.Observed.SecondCredential is { } o ? " + " + o.Name() : "") + (e.Observed.EmptyCredential ? " (empty)" : "")
                + (e.Observed.Error is { } err ? " · " + err : "");
            table.AddRow(TerminalText.Markup(e.Name), TerminalText.Markup(predicted), TerminalText.Markup(observed), TerminalText.Markup(e.Observed.ApiKeySource ?? "-"),
                e.Agrees ? "[green]yes[/]" : "[red]NO[/]");
        }
        c.Write(table);
        c.MarkupLine($"[dim]{r.Total} environments, {r.Parallelism} at a time, {r.Seconds:0.0} s · {TerminalText.Markup(r.Claude)}[/]");
    }
}
