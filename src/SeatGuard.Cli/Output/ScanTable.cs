using SeatGuard.Core.Common;
using Spectre.Console;
using SeatGuard.Core.Scan;

namespace SeatGuard.Cli.Output;

/// <summary>Human output of <c>seatguard scan</c>: one table per tier, worst first, then a summary line.</summary>
public static class ScanTable
{
    public static void Write(IAnsiConsole console, ScanReport report)
    {
        var sections = new List<(string Label, string Color, List<ScanFinding> Group)>();
        foreach (var tier in new[] { Tier.Red, Tier.Gray, Tier.Green })
        {
            var (label, color) = tier switch { Tier.Red => ("RED — bannable", "red"), Tier.Gray => ("GRAY — use an API key", "yellow"), _ => ("GREEN — fine", "green") };
            sections.Add((label, color, report.Findings.Where(f => f.Tier == tier && f.IsHighConfidence).ToList()));
        }
        // Matches in comments, tests, docs, examples and other scanners' rules: not findings of their rule's tier.
        sections.Add(("LOW CONFIDENCE — comments, tests, docs, examples, scanner rules (never fail the scan)", "grey", report.Findings.Where(f => !f.IsHighConfidence).ToList()));
        foreach (var (label, color, group) in sections)
        {
            if (group.Count == 0) continue;
            if (Layout.Narrow(console))
            {
                // A narrow terminal: one block per finding, so paths, rule ids and redacted tokens stay whole.
                console.MarkupLine($"[bold {color}]{Markup.Escape(label)} ({group.Count})[/]");
                foreach (var f in group)
                {
                    console.MarkupLine($"  {Markup.Escape(Where(f))}  [bold]{Markup.Escape(f.Rule)}[/]");
                    console.MarkupLine($"      {Markup.Escape(f.Title)}" + (f.Secret is null ? "" : $"  [dim]{Markup.Escape(f.Secret)}[/]")
                                       + (f.IsHighConfidence ? "" : $" [dim]({Markup.Escape(Tiers.Name(f.Tier))} rule, in {Markup.Escape(f.Context)})[/]"));
                }
                WriteRuleNotes(console, group);
                continue;
            }
            var table = new Table { Border = TableBorder.Rounded, Expand = false };
            table.Title = new TableTitle($"[bold {color}]{Markup.Escape(label)} ({group.Count})[/]");
            table.AddColumn(new TableColumn("Location").NoWrap());
            table.AddColumn(new TableColumn("Rule").NoWrap());
            table.AddColumn("Finding");
            foreach (var f in group)
            {
                var what = Markup.Escape(f.Title) + (f.Secret is null ? "" : $" [dim]{Markup.Escape(f.Secret)}[/]")
                           + (f.IsHighConfidence ? "" : $" [dim]({Markup.Escape(Tiers.Name(f.Tier))} rule, in {Markup.Escape(f.Context)})[/]");
                table.AddRow(new Markup(Markup.Escape(Where(f))), new Markup(Markup.Escape(f.Rule)), new Markup(what));
            }
            console.Write(table);
            WriteRuleNotes(console, group);
        }
        var s = report.Stats;
        var sure = report.Findings.Where(f => f.IsHighConfidence).ToList();
        int red = sure.Count(f => f.Tier == Tier.Red), gray = sure.Count(f => f.Tier == Tier.Gray), green = sure.Count - red - gray, low = report.Findings.Count - sure.Count;
        var summary = $"{red} red, {gray} gray, {green} green" + (low > 0 ? $" (+{low} low confidence)" : "") + $" in {s.Files} files ({s.Bytes / 1024.0 / 1024.0:0.0} MiB)" +
                      (s.Commits > 0 ? $" and {s.Commits} commits" : "") + $", {s.Seconds:0.00} s" +
                      (s.Baselined > 0 ? $"; {s.Baselined} in baseline" : "") + (s.Allowed > 0 ? $"; {s.Allowed} allowed inline" : "");
        console.MarkupLine(report.Findings.Count == 0 ? $"[green]No findings.[/] {Markup.Escape(summary)}" : Markup.Escape(summary));
    }

    private static string Where(ScanFinding f) =>
        $"{f.Path}:{f.Line}:{f.Column}" + (f.Commit is null ? "" : $" @{f.Commit[..Math.Min(12, f.Commit.Length)]}");

    private static void WriteRuleNotes(IAnsiConsole console, IEnumerable<ScanFinding> group)
    {
        foreach (var rule in group.DistinctBy(f => f.Rule))
        {
            console.MarkupLine($"  [bold]{Markup.Escape(rule.Rule)}[/]: {Markup.Escape(rule.Message)}");
            console.MarkupLine($"    [dim]fix:[/] {Markup.Escape(rule.Fix)}" + (rule.Scenario is null ? "" : $" [dim](policy: {Markup.Escape(rule.Scenario)})[/]"));
        }
    }

    /// <summary>Plain lines (no wrapping), so scripts such as bench/scan.sh can read them.</summary>
    public static void WriteRules(TextWriter output, IReadOnlyList<ScanRule> rules, IReadOnlyList<string> keywords)
    {
        int width = rules.Max(r => r.Id.Length);
        foreach (var r in rules)
            output.WriteLine($"{r.Id.PadRight(width)}  {Tiers.Name(r.Tier),-5}  {r.Detector,-8}  {r.Scenario ?? "-",-30}  {r.Title}");
        output.WriteLine("prefilter keywords: " + string.Join(" ", keywords));
    }
}
