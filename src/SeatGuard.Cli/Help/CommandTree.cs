using System.CommandLine;

namespace SeatGuard.Cli.Help;

/// <summary>Walking the command tree: a command's full name, every command below the root, the options a command accepts.</summary>
public static class CommandTree
{
    /// <summary>"seatguard usage daily" for the daily command; "seatguard" for the root.</summary>
    public static string Path(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return names.Count == 0 ? "seatguard" : "seatguard " + string.Join(' ', names);
    }

    /// <summary>Every visible command below <paramref name="root"/>, parents before their subcommands.</summary>
    public static IEnumerable<Command> All(Command root)
    {
        foreach (var sub in root.Subcommands.Where(c => !c.Hidden))
        {
            yield return sub;
            foreach (var below in All(sub)) yield return below;
        }
    }

    /// <summary>The options <paramref name="command"/> accepts: its own and its ancestors' recursive ones.</summary>
    public static IEnumerable<Option> Options(Command command)
    {
        foreach (var o in command.Options) yield return o;
        for (var c = command.Parents.OfType<Command>().FirstOrDefault(); c is not null; c = c.Parents.OfType<Command>().FirstOrDefault())
            foreach (var o in c.Options.Where(o => o.Recursive)) yield return o;
    }

    /// <summary>An option's name and aliases.</summary>
    public static IEnumerable<string> Names(Option option) => new[] { option.Name }.Concat(option.Aliases);

    /// <summary>A command's name and aliases.</summary>
    public static IEnumerable<string> Names(Command command) => new[] { command.Name }.Concat(command.Aliases);
}
