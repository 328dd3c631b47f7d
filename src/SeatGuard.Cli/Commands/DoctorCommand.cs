using System.CommandLine;

namespace SeatGuard.Cli.Commands;

public static class DoctorCommand
{
    public static Command Create(CliContext context)
    {
        var command = new Command("doctor", "Which credential Claude Code will use here, from every layer, and what shadows what.");
        command.SetAction(parse =>
        {
            context.Terminal.Out.WriteLine("doctor: not yet implemented");
            return 0;
        });
        return command;
    }
}
