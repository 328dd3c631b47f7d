using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// How commands take the contract's common options (<see cref="CommonOptionSet"/>). Each command declares the ones
/// it uses (<see cref="Uses"/>), so --help lists only options that do something there; <c>--json</c> is on every
/// command that has an action (<see cref="EnsureJson"/>).
/// </summary>
public static class CommonOptions
{
    // Weakly keyed by the command (a tree built many times in one process is neither kept alive nor raced on).
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Command, object> WithoutJsonOutput = [];

    /// <summary>Adds the common options this command uses (an option instance may sit on several commands).</summary>
    public static T Uses<T>(this T command, params Option[] options) where T : Command
    {
        foreach (var option in options)
            if (!command.Options.Contains(option)) command.Options.Add(option);
        return command;
    }

    /// <summary>Marks a command whose output is not a JSON document (a shell script), so it gets no --json.</summary>
    public static T WithoutJson<T>(this T command) where T : Command
    {
        WithoutJsonOutput.AddOrUpdate(command, WithoutJsonOutput);
        return command;
    }

    /// <summary>Every command that does something takes --json (the contract), unless marked <see cref="WithoutJson"/>.</summary>
    public static void EnsureJson(Command root, Option<bool> json)
    {
        foreach (var command in Help.CommandTree.All(root))
            if (command.Action is not null && !WithoutJsonOutput.TryGetValue(command, out _)) command.Uses(json);
    }
}
