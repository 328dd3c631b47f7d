using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>Every top-level command, in the order --help lists them. One file per command.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return DoctorCommand.Create(context);
        yield return RunCommand.Create(context);
        yield return VerifyCommand.Create(context);
        yield return LedgerCommand.Create(context);
        yield return DecideCommand.Create(context);
        yield return PolicyCommand.Create(context);
        yield return UsageCommand.Create(context);
        yield return ReportCommand.Create(context);
        yield return StatuslineCommand.Create(context);
        yield return HookCommand.Create(context);
        yield return HooksCommand.Create(context);
        yield return ScanCommand.Create(context);
        yield return SyncCommand.Create(context);
        yield return TeamCommand.Create(context);
        foreach (var command in InstallCommand.Create(context)) yield return command;
        yield return CompletionCommand.Create(context);
    }
}
