using SeatGuard.Core.Common;
using SeatGuard.Core.Policy;
using Spectre.Console;

namespace SeatGuard.Cli.Output;

/// <summary>
/// The interactive side of <c>seatguard decide</c>: one question at a time, with why it matters,
/// answered yes or no (y/n accepted; no default, so Enter alone asks again).
/// </summary>
public sealed class SpectreDecisionPrompt(IAnsiConsole console) : IDecisionPrompt
{
    /// <summary>A console for prompting on stderr, so that stdout keeps only the result (and --json stays clean).</summary>
    public static IAnsiConsole CreateConsole(Terminal terminal) => AnsiConsole.Create(new AnsiConsoleSettings
    {
        Ansi = terminal.Color ? AnsiSupport.Yes : AnsiSupport.No,
        ColorSystem = terminal.Color ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        Interactive = InteractionSupport.Yes,
        Out = new AnsiConsoleOutput(terminal.Err),
    });

    public void Introduce(PolicyBook book)
    {
        console.MarkupLine($"[bold]The rule[/] [grey](policy book {TerminalText.Markup(book.Version)})[/]");
        console.MarkupLine(TerminalText.Markup(book.Rule.Summary));
        console.MarkupLine("[grey]Five questions, each answered yes or no (y/n). Every answer counts; the strictest outcome wins.[/]");
    }

    public bool Ask(PolicyQuestion question, int number, int total)
    {
        console.WriteLine();
        console.Write(new Rule($"[bold]Question {number} of {total}[/]") { Justification = Justify.Left });
        console.MarkupLine($"[grey]Why it matters:[/] {TerminalText.Markup(question.Why)}");
        var prompt = new TextPrompt<string>($"[bold]{TerminalText.Markup(question.Text)}[/] [grey](y/n)[/]")
            .Validate(text => PolicyEvaluator.ParseAnswer(text) is null ? ValidationResult.Error("[yellow]Please answer yes or no (y/n).[/]") : ValidationResult.Success());
        bool answer = PolicyEvaluator.ParseAnswer(console.Prompt(prompt))!.Value;
        var style = question.RaisesConcern(answer) ? TierStyle(question.Tier) : "grey";
        console.MarkupLine($"[{style}]→ {TerminalText.Markup(question.Implication(answer))}[/]");
        return answer;
    }

    /// <summary>The colour of a tier in human output.</summary>
    public static string TierStyle(Tier tier) => tier switch
    {
        Tier.Green => "green",
        Tier.Gray => "yellow",
        _ => "red",
    };
}
