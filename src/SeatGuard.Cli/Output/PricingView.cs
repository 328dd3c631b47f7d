using System.Globalization;
using SeatGuard.Core.Usage;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>Human renderings of <c>pricing show</c> and <c>pricing update</c>.</summary>
internal static class PricingView
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static string R(double v) => v.ToString(v >= 1 ? "0.##" : "0.####", Inv);

    public static void RenderShow(Terminal terminal, PricingShowReport report)
    {
        var console = terminal.Console_;
        console.WriteLine($"Price book as of {report.AsOf} ({report.Unit}).");
        foreach (var l in report.Layers)
            console.WriteLine(UsageTables.Wrap($"  {l.Kind}: {(l.Path ?? "built in")}, as of {l.AsOf}{(l.Source is null ? "" : " — " + l.Source)}", terminal.Width, "    "));
        bool wide = terminal.Width >= 100;
        var table = new Table().Border(TableBorder.Rounded).AddColumn(new TableColumn("Model").NoWrap())
            .AddColumn(new TableColumn("Input").RightAligned().NoWrap()).AddColumn(new TableColumn("Output").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Write\n5m").RightAligned().NoWrap()).AddColumn(new TableColumn("Write\n1h").RightAligned().NoWrap())
            .AddColumn(new TableColumn("Read").RightAligned().NoWrap());
        if (wide) table.AddColumn(new TableColumn("Also").NoWrap());
        foreach (var m in report.Current)
        {
            var r = m.Rates;
            var cells = new List<string> { TerminalText.Markup(m.Id), R(r.Input), R(r.Output), R(r.CacheWrite5m), R(r.CacheWrite1h), R(r.CacheRead) };
            var also = new List<string>();
            foreach (var b in m.Bands) also.Add($"prompt > {b.Above / 1000}k: {R(b.Input)}/{R(b.Output)}");
            if (m.Fast is { } f) also.Add($"fast: {R(f.Input)}/{R(f.Output)}");
            if (m.NextChange is { } next) also.Add("changes " + next);
            if (wide) cells.Add(TerminalText.Markup(string.Join("; ", also)));
            table.AddRow(cells.ToArray());
            if (!wide && also.Count > 0) table.AddRow("[dim]  " + TerminalText.Markup(string.Join("; ", also)) + "[/]", "", "", "", "", "");
        }
        console.Write(table);
        console.WriteLine("Unknown models have no price: their cost is shown as unknown. `seatguard pricing update --from FILE|URL` imports newer prices.");
    }

    public static void RenderUpdate(Terminal terminal, PricingUpdateReport report)
    {
        var console = terminal.Console_;
        console.WriteLine($"Imported {report.Format} prices from {report.From} into {report.File} (as of {report.AsOf}).");
        console.WriteLine(UsageTables.Wrap($"Added: {(report.ModelsAdded.Count == 0 ? "none" : string.Join(", ", report.ModelsAdded))}.", terminal.Width));
        console.WriteLine(UsageTables.Wrap($"Changed (new rates from {report.AsOf}; earlier requests keep theirs): {(report.ModelsChanged.Count == 0 ? "none" : string.Join(", ", report.ModelsChanged))}.", terminal.Width));
        foreach (var n in report.Notes) console.WriteLine(UsageTables.Wrap("Note: " + n, terminal.Width, "  "));
    }
}
