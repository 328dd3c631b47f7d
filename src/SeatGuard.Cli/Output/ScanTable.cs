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
                console.MarkupLine($"[bold {color}]{TerminalText.Markup(label)} ({group.Count})[/]");
                foreach (var f in group)
                {
                    console.MarkupLine($"  {TerminalText.Markup(Where(f))}  [bold]{TerminalText.Markup(f.Rule)}[/]");
                    console.MarkupLine($"      {TerminalText.Markup(f.Title)}" + (f.Secret is null ? "" : $"  [dim]{TerminalText.Markup(f.Secret)}[/]")
                                       + (f.IsHighConfidence ? "" : $" [dim]({TerminalText.Markup(Tiers.Name(f.Tier))} rule, in {TerminalText.Markup(f.Context)})[/]"));
                }
                WriteRuleNotes(console, group);
                continue;
            }
            var table = new Table { Border = TableBorder.Rounded, Expand = false };
            table.Title = new TableTitle($"[bold {color}]{TerminalText.Markup(label)} ({group.Count})[/]");
            table.AddColumn(new TableColumn("Location").NoWrap());
            table.AddColumn(new TableColumn("Rule").NoWrap());
            table.AddColumn("Finding");
            foreach (var f in group)
            {
                var what = TerminalText.Markup(f.Title) + (f.Secret is null ? "" : $" [dim]{TerminalText.Markup(f.Secret)}[/]")
                           + (f.IsHighConfidence ? "" : $" [dim]({TerminalText.Markup(Tiers.Name(f.Tier))} rule, in {TerminalText.Markup(f.Context)})[/]");
                table.AddRow(new Markup(TerminalText.Markup(Where(f))), new Markup(TerminalText.Markup(f.Rule)), new Markup(what));
            }
            console.Write(table);
            WriteRuleNotes(console, group);
        }
        var s = report.Stats;
        var sure = report.Findings.Where(f => f.IsHighConfidence).ToList();
        int red = sure.Count(f => f.Tier == Tier.Red), gray = sure.Count(f => f.Tier == Tier.Gray), green = sure.Count - red - gray, low = report.Findings.Count - sure.Count;
        var summary = $"{red} red, {gray} gray, {green} green" + (low > 0 ? $" (+{low} low confidence)" : "") + $" in {s.Files} files ({s.Bytes / 1024.0 / 1024.0:0.0} MiB)" +
                      (s.Commits > 0 ? $" and {s.Commits} commits" : "") + $", {s.Seconds:0.00} s" +
                      (s.Baselined > 0 ? $"; {s.Baselined} in baseline" : "") + (s.Allowed > 0 ? $"; {s.Allowed} allowed inline" : "") +
                      (s.TrackedIgnored > 0 ? $"; {s.TrackedIgnored} tracked by git although ignored (scanned)" : "") + Skipped(s.Skipped, listed: report.SkippedFiles.Count > 0);
        console.MarkupLine(report.Findings.Count == 0 ? $"[green]No findings.[/] {TerminalText.Markup(summary)}" : TerminalText.Markup(summary));
        foreach (var f in report.SkippedFiles) console.MarkupLine($"  [dim]not read:[/] {TerminalText.Markup(f.Path)} [dim]({TerminalText.Markup(f.Reason)})[/]");
    }

    /// <summary>"; not read: 2 too large, 40 binary" — every file found but not read is counted.</summary>
    private static string Skipped(ScanSkipped k, bool listed)
    {
        if (k.Total == 0) return "";
        var parts = new List<string>();
        if (k.TooLarge > 0) parts.Add($"{k.TooLarge} too large");
        if (k.Binary > 0) parts.Add($"{k.Binary} binary");
        if (k.Unreadable > 0) parts.Add($"{k.Unreadable} unreadable");
        if (k.NotRegular > 0) parts.Add($"{k.NotRegular} not regular files");
        return "; not read: " + string.Join(", ", parts) + (listed ? "" : " (--verbose lists them)");
    }

    private static string Where(ScanFinding f) =>
        $"{f.Path}:{f.Line}:{f.Column}" + (f.Commit is null ? "" : $" @{f.Commit[..Math.Min(12, f.Commit.Length)]}");

    private static void WriteRuleNotes(IAnsiConsole console, IEnumerable<ScanFinding> group)
    {
        foreach (var rule in group.DistinctBy(f => f.Rule))
        {
            console.MarkupLine($"  [bold]{TerminalText.Markup(rule.Rule)}[/]: {TerminalText.Markup(rule.Message)}");
            console.MarkupLine($"    [dim]fix:[/] {TerminalText.Markup(rule.Fix)}" + (rule.Scenario is null ? "" : $" [dim](policy: {TerminalText.Markup(rule.Scenario)})[/]"));
        }
    }

    /// <summary>Plain lines (no wrapping), so scripts such as bench/scan.sh can read them.</summary>
    public static void WriteRules(TextWriter output, IReadOnlyList<ScanRule> rules, IReadOnlyList<string> keywords)
    {
        int width = rules.Max(r => r.Id.Length);
        foreach (var r in rules)
            output.WriteLine(TerminalText.Safe($"{r.Id.PadRight(width)}  {Tiers.Name(r.Tier),-5}  {r.Detector,-8}  {r.Scenario ?? "-",-30}  {r.Title}"));
        output.WriteLine("prefilter keywords: " + string.Join(" ", keywords));
    }
}
