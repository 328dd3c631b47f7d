using SeatGuard.Cli.Commands;
using SeatGuard.Core.Common;
using SeatGuard.Core.Team;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>The terminal views of <c>sync</c> and <c>team report</c>.</summary>
public static class TeamView
{
    public static void RenderSync(Terminal t, SyncReport r)
    {
        var c = t.Console_;
        c.MarkupLine($"Synced [bold]{TerminalText.Markup(r.Machine)}[/] ({TerminalText.Markup(r.Person)}, OS user {TerminalText.Markup(r.OsUser)}) to {TerminalText.Markup(r.Store)}.");
        c.MarkupLine($"  usage: {r.Days.Sent} of {r.Days.Local} days sent ({r.UsageRows} rows), {r.Days.Unchanged} already up to date · " +
                     $"{Format.Compact(r.Totals.TotalTokens)} tokens, {Format.Money(r.Totals.TotalCost ?? 0)} at API prices");
        c.MarkupLine($"  launches: {r.Launches.Sent} of {r.Launches.Local} sent, {r.Launches.Unchanged} already up to date");
        c.MarkupLine($"  doctor: {TerminalText.Markup(r.Doctor.Verdict)} via {TerminalText.Markup(r.Doctor.CredentialKind)} ({TerminalText.Markup(r.Doctor.CredentialSource)})" +
                     (r.Doctor.Fingerprint is null ? "" : " " + TerminalText.Markup(r.Doctor.Fingerprint)));
        foreach (var w in r.Warnings) t.Error("seatguard: warning: " + Redactor.Scrub(w));
    }


    public static void RenderReport(Terminal t, TeamReport r)
    {
        var c = t.Console_;
        c.MarkupLine($"Team report from {TerminalText.Markup(r.Store)}" + (r.Since is null ? "" : $", since {TerminalText.Markup(r.Since)}") +
                     $": {r.People.Count} people, {r.Machines.Count} machines, {Format.Compact(r.Totals.TotalTokens)} tokens, {Format.Money(r.Totals.TotalCost ?? 0)} at API prices.");
        if (r.People.Count == 0)
        {
            c.MarkupLine("Nothing has been synced yet: run `seatguard sync` on each machine.");
            return;
        }
        var sources = TeamReportBuilder.Sources.Concat(r.People.SelectMany(p => p.Launches.Keys)).Distinct(StringComparer.Ordinal).ToList();
        var people = new Table().Border(TableBorder.Rounded).AddColumn("person").AddColumn("machines");
        foreach (var s in sources) people.AddColumn(new TableColumn(s).RightAligned());
        people.AddColumn(new TableColumn("for others").RightAligned()).AddColumn(new TableColumn("overage").RightAligned())
              .AddColumn(new TableColumn("own work on API key").RightAligned()).AddColumn(new TableColumn("cost (USD)").RightAligned());
        foreach (var p in r.People)
        {
            var cells = new List<string> { TerminalText.Markup(p.Person), TerminalText.Markup(string.Join(", ", p.Machines)) };
            cells.AddRange(sources.Select(s => $"{p.Launches.GetValueOrDefault(s)} ({TeamCommand.Share(p.LaunchShare.GetValueOrDefault(s))})"));
            cells.AddRange([p.ForOthers.ToString(System.Globalization.CultureInfo.InvariantCulture), p.OverageEvents.ToString(System.Globalization.CultureInfo.InvariantCulture),
                p.ApiKeyFallbacks.ToString(System.Globalization.CultureInfo.InvariantCulture), Format.Money(p.CostUsd)]);
            people.AddRow(cells.ToArray());
        }
        c.Write(people);
        if (r.Findings.Count == 0)
        {
            c.MarkupLine("[green]No pooled seat, no runs on someone else's seat, no subscription launches for someone else.[/]");
            return;
        }
        foreach (var f in r.Findings)
        {
            var color = f.Tier == Tier.Red ? "red" : "grey";
            c.MarkupLine($"[bold {color}]{f.Tier.Name().ToUpperInvariant()}[/] [bold]{TerminalText.Markup(f.Id)}[/]: {TerminalText.Markup(f.Message)}");
        }
    }
}
