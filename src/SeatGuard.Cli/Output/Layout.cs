using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>
/// How human output fits where it goes: a terminal's width (tables switch to a stacked layout below
/// <see cref="WideColumns"/> so numbers, ids and model names are never split), or, when not a terminal, no width at all
/// (<see cref="Terminal.Unbounded"/>): nothing is hard-wrapped, no heading is drawn across a width.
/// </summary>
public static class Layout
{
    /// <summary>Columns from which the side-by-side tables fit.</summary>
    public const int WideColumns = 120;

    /// <summary>Whether this console is a terminal narrower than <see cref="WideColumns"/>.</summary>
    public static bool Narrow(IAnsiConsole console) => console.Profile.Width < WideColumns;

    /// <summary>Whether this console writes to something other than a terminal (no width).</summary>
    public static bool Unbounded(IAnsiConsole console) => console.Profile.Width >= Terminal.Unbounded;

    /// <summary>A section heading: a rule across a terminal; a plain line elsewhere.</summary>
    public static void Heading(IAnsiConsole console, string markup)
    {
        if (Unbounded(console)) console.MarkupLine("── " + markup + " ──");
        else console.Write(new Rule(markup) { Justification = Justify.Left });
    }
}
