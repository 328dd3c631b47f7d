using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard hook session-start</c>: what Claude Code's SessionStart hook runs.</summary>
public static class HookCommand
{
    public static Command Create(CliContext context)
    {
        var sessionStart = new Command("session-start",
            "Reads Claude Code's SessionStart hook JSON on stdin; when the session's directory bills something other than your expected mode " +
            "(SeatGuard config, default subscription) or a repository settings file switches billing, prints the hook JSON that makes Claude Code show a warning. " +
            "Otherwise prints nothing. Always exits 0 so a session is never blocked by this check.");
        sessionStart.Uses(context.Common.Dir, context.Common.ConfigDir);
        sessionStart.SetAction(parse =>
        {
            try
            {
                var services = context.Services(parse);
                var input = HookInput.Parse(context.Terminal.ReadInput(HookInput.MaxChars), IntegrationJson.Default.SessionStartInput);
                var output = new SessionStartHook(services.Credentials).Evaluate(input, services.Host, context.ConfigDir(parse), services.Now);
                if (output is not null) context.WriteJson(output, IntegrationJson.Default.SessionStartOutput);
            }
            catch (Exception e)
            {
                // stderr of a hook that exits 0 goes to Claude Code's debug log only; never block the session.
                context.Terminal.Error("seatguard hook session-start: " + Redactor.Scrub(e.Message));
            }
            return ExitCodes.Ok;
        });
        sessionStart.WithExamples("echo '{\"cwd\":\"'$PWD'\",\"source\":\"startup\"}' | seatguard hook session-start");
        return new Command("hook", "Commands Claude Code's hooks run (installed by `seatguard hooks install`).") { sessionStart }
            .WithExamples("seatguard hooks install   # makes Claude Code run 'seatguard hook session-start' at every session start");
    }
}
