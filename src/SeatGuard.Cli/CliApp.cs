using System.CommandLine;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;

namespace SeatGuard.Cli;

/// <summary>Builds the command tree and runs it with the contract's error handling and exit codes.</summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "SeatGuard: which bill does Claude Code hit, is this use of your subscription allowed, and how much have you used.\n" +
            "Exit codes: 0 done, 1 a check failed, 2 bad usage or input, 3 billing mismatch, 4 refused by policy.");
        foreach (var option in CommonOptions.All) root.Options.Add(option);
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        HelpExamples.Install(root);
        return root;
    }

    public static Task<int> RunAsync(string[] args, Terminal? terminal = null) =>
        RunAsync(args, terminal ?? Terminal.FromProcess(), dir => HostContext.FromProcess(dir));

    /// <summary>Runs the CLI against an explicit host (tests and embedding programs); <paramref name="hostFactory"/> gets --dir.</summary>
    public static async Task<int> RunAsync(string[] args, Terminal terminal, Func<string?, HostContext> hostFactory)
    {
        var context = new CliContext(terminal, hostFactory);
        var root = BuildRoot(context);
        ParseResult parse = root.Parse(args);
        if (parse.Errors.Count > 0 && !HelpExamples.IsHelp(parse.Action))
        {
            var command = parse.CommandResult.Command;
            var path = command == root ? "seatguard" : "seatguard " + CommandPath(command);
            terminal.Error($"seatguard: {OneLine(parse.Errors[0].Message)} (see '{path} --help')");
            return ExitCodes.BadUsage;
        }
        try
        {
            return await parse.InvokeAsync(new InvocationConfiguration { Output = terminal.Out, Error = terminal.Err, EnableDefaultExceptionHandler = false });
        }
        catch (UsageException ex)
        {
            terminal.Error("seatguard: " + Redactor.Scrub(ex.Message));
            return ExitCodes.BadUsage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            terminal.Error("seatguard: " + Redactor.Scrub(ex.Message));
            return ExitCodes.BadUsage;
        }
    }

    /// <summary>Parser messages can span lines (lists of allowed values); the contract wants one line.</summary>
    private static string OneLine(string message) =>
        string.Join(", ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace(":,", ":", StringComparison.Ordinal);

    private static string CommandPath(Command command)
    {
        var names = new List<string>();
        for (var c = command; c is not null && c is not RootCommand; c = c.Parents.OfType<Command>().FirstOrDefault())
            names.Insert(0, c.Name);
        return string.Join(' ', names);
    }
}
