using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>Every top-level command, in the order --help lists them. One file per command.</summary>
public static class CommandCatalog
{
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return DoctorCommand.Create(context);
        yield return ScanCommand.Create(context);
    }
}
