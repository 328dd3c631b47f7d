using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// Adds an "Examples:" section to a command's own --help, while the command list of the parent shows only
/// the one-line description.
/// </summary>
public static class HelpExamples
{
    // Keyed weakly by the command object: a program (or test) that builds the tree many times, on several threads at
    // once, neither races on this table nor keeps old trees alive.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, string[]> Examples = [];

    /// <summary>Registers example lines for a command and returns it (for fluent use in Create methods).</summary>
    public static Command WithExamples(this Command command, params string[] examples)
    {
        Examples.AddOrUpdate(command, examples);
        return command;
    }

    /// <summary>The example lines registered for <paramref name="command"/>, or none.</summary>
    public static IReadOnlyList<string> Of(Command command) => Examples.TryGetValue(command, out var lines) ? lines : [];

    /// <summary>Wraps the root's help action so that examples follow the standard help.</summary>
    public static void Install(RootCommand root)
    {
        var help = root.Options.OfType<HelpOption>().First();
        if (help.Action is HelpAction inner) help.Action = new ExamplesAction(inner);
    }

    /// <summary>True when the parsed action shows help (help wins over missing required options).</summary>
    public static bool IsHelp(CommandLineAction? action) => action is HelpAction or ExamplesAction;

    private sealed class ExamplesAction(HelpAction inner) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            int code = inner.Invoke(parseResult);
            if (Of(parseResult.CommandResult.Command) is { Count: > 0 } lines)
            {
                var output = parseResult.InvocationConfiguration.Output;
                output.WriteLine("Examples:");
                foreach (var line in lines) output.WriteLine("  " + line);
                output.WriteLine();
            }
            return code;
        }
    }
}
