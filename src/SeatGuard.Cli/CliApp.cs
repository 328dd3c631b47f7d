using System.CommandLine;
using System.CommandLine.Completions;
using SeatGuard.Cli.Help;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Services;

namespace SeatGuard.Cli;

/// <summary>
/// The composition root: builds the services once (<see cref="SystemServices"/>), the command tree over them, and
/// runs it with the contract's error handling — every bad input becomes one line on stderr and exit 2.
/// </summary>
public static class CliApp
{
    public static RootCommand BuildRoot(CliContext context)
    {
        var root = new RootCommand(
            "SeatGuard: which bill does Claude Code hit, is this use of your subscription allowed, and how much have you used.\n" +
            "Exit codes: 0 done, 1 a check failed, 2 bad usage or input, 3 billing mismatch, 4 refused by policy.");
        foreach (var command in CommandCatalog.Create(context)) root.Subcommands.Add(command);
        CommonOptions.EnsureJson(root, context.Common.Json);
        HelpExamples.Install(root);
        return root;
    }

    /// <summary>The program: this process's terminal and services.</summary>
    public static Task<int> RunAsync(string[] args)
    {
        var terminal = Terminal.FromProcess();
        return RunAsync(args, terminal, SystemServices.Create(terminal.RawOut, stderr: Console.OpenStandardError(), stdin: Console.OpenStandardInput()));
    }

    /// <summary>Runs the CLI with explicit services (tests and embedding programs).</summary>
    public static Task<int> RunAsync(string[] args, Terminal terminal, SeatGuardServices services) =>
        RunAsync(args, new CliContext(terminal, services));

    public static async Task<int> RunAsync(string[] args, CliContext context)
    {
        try
        {
            return await RunGuardedAsync(args, context);
        }
        finally
        {
            context.Terminal.Flush();
        }
    }

    private static async Task<int> RunGuardedAsync(string[] args, CliContext context)
    {
        // One command tree per run, with options of its own (CommonOptionSet): runs in one process share nothing.
        var root = BuildRoot(context);
        var terminal = context.Terminal;
        Redactor.RememberEnvironment(context.RootServices.Host.Environment);
        ParseResult parse = root.Parse(args);
        var neverFails = NeverFails(parse.CommandResult.Command);
        if (!HelpExamples.IsHelp(parse.Action) && parse.GetResult(root.Directives.OfType<SuggestDirective>().First()) is null)
        {
            if (UsageErrors.Describe(parse) is { } problem)
            {
                terminal.Error("seatguard: " + OneLine(problem));
                return ExitCodes.BadUsage;
            }
            if (parse.Errors.Count > 0)
            {
                var path = CommandTree.Path(parse.CommandResult.Command);
                terminal.Error($"seatguard: {OneLine(parse.Errors[0].Message)} (see '{path} --help')");
                return ExitCodes.BadUsage;
            }
        }
        try
        {
            var invocation = new InvocationConfiguration { Output = terminal.Out, Error = terminal.Err, EnableDefaultExceptionHandler = false };
            // Commands that launch Claude Code catch signals themselves: the child is handled and the launch recorded first.
            if (LaunchCommands.Contains(CommandTree.Path(parse.CommandResult.Command))) invocation.ProcessTerminationTimeout = null;
            return await parse.InvokeAsync(invocation);
        }
        // A mistake on the status line's own command line (e.g. a --dir that does not exist) is the user's to fix: exit 2.
        catch (Exception ex) when (neverFails is not null && ex is not OperationCanceledException && !(neverFails == "statusline" && ex is InputException))
        {
            return NeverFailing(terminal, neverFails, OneLine(ReadableErrors.Of(ex)));
        }
        catch (Exception ex) when (IsBadInput(ex))
        {
            terminal.Error("seatguard: " + Redactor.Scrub(OneLine(ReadableErrors.Of(ex))));
            return ExitCodes.BadUsage;
        }
        catch (OperationCanceledException)
        {
            terminal.Error("seatguard: interrupted");
            return 130;
        }
        catch (Exception ex)
        {
            // Never a stack trace: one line that says what broke, for a bug report.
            terminal.Error($"seatguard: internal error ({ex.GetType().Name}): {Redactor.Scrub(OneLine(ReadableErrors.Of(ex)))}");
            return ExitCodes.BadUsage;
        }
    }

    /// <summary>The commands that launch Claude Code and handle SIGINT/SIGTERM themselves (exit 130/143 after recording).</summary>
    private static readonly HashSet<string> LaunchCommands = ["seatguard run", "seatguard verify", "seatguard shim exec"];

    /// <summary>
    /// Commands Claude Code runs on its own (the status line, the SessionStart hook): whatever happens they exit 0 —
    /// the status line still prints its line, the hook prints nothing on stdout (so the session is never blocked).
    /// </summary>
    private static string? NeverFails(Command command) => command.Name switch
    {
        "statusline" => "statusline",
        "session-start" when command.Parents.OfType<Command>().Any(p => p.Name == "hook") => "hook",
        _ => null,
    };

    private static int NeverFailing(Output.Terminal terminal, string which, string problem)
    {
        var message = Redactor.Scrub(problem);
        if (which == "statusline") terminal.Out.WriteLine(Output.TerminalText.Safe("SeatGuard: billing source unknown (" + message + ")"));
        else terminal.Error("seatguard hook session-start: " + message);
        return ExitCodes.Ok;
    }

    /// <summary>Bad input of any capability: its input exceptions, and files that cannot be read or written.</summary>
    private static bool IsBadInput(Exception ex) =>
        ex is InputException or IOException or UnauthorizedAccessException or InvalidDataException or FormatException;

    /// <summary>Parser messages can span lines (lists of allowed values); the contract wants one line.</summary>
    private static string OneLine(string message) =>
        string.Join(", ", message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Replace(":,", ":", StringComparison.Ordinal);
}
