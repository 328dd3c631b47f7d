using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// The contract's common options. Each command declares the ones it uses (<see cref="Uses"/>), so --help lists only
/// options that do something there; <c>--json</c> is on every command that has an action (<see cref="EnsureJson"/>).
/// </summary>
public static class CommonOptions
{
    public static readonly Option<bool> Json = new("--json")
    {
        Description = "Machine output on stdout (JSON), nothing else there.",
    };

    public static readonly Option<string?> Claude = new("--claude")
    {
        Description = "The Claude Code executable (default: $SEATGUARD_CLAUDE, else 'claude' on PATH).",
        HelpName = "PATH",
    };

    public static readonly Option<string?> Dir = new("--dir")
    {
        Description = "The working directory whose project settings count (default: current directory).",
        HelpName = "PATH",
    };

    public static readonly Option<string?> ConfigDir = new("--config-dir")
    {
        Description = "Claude Code's config directory (default: as Claude Code resolves it, from CLAUDE_CONFIG_DIR or ~/.claude).",
        HelpName = "PATH",
    };

    private static readonly HashSet<Command> WithoutJsonOutput = [];

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
        WithoutJsonOutput.Add(command);
        return command;
    }

    /// <summary>Every command that does something takes --json (the contract), unless marked <see cref="WithoutJson"/>.</summary>
    public static void EnsureJson(Command root)
    {
        foreach (var command in Help.CommandTree.All(root))
            if (command.Action is not null && !WithoutJsonOutput.Contains(command)) command.Uses(Json);
    }
}
