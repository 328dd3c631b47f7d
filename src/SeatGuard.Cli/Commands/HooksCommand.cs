using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard hooks install|uninstall</c>: merges the status line and the SessionStart hook into a Claude Code settings file.</summary>
public static class HooksCommand
{
    public static Command Create(CliContext context) =>
        new Command("hooks", "Add SeatGuard's status line and SessionStart warning to Claude Code's settings, or remove them.")
        {
            Action(context, install: true,
                "Merges \"statusLine\" (seatguard statusline) and a hooks.SessionStart entry (seatguard hook session-start) into the settings file, " +
                "keeping every other key and hook; writes atomically after a timestamped backup. Running it twice changes nothing.\n" +
                "The command written is --command, else the installed seatguard on PATH (seatguard install, dotnet tool install -g seatguard), " +
                "else this program unless it runs from a build folder."),
            Action(context, install: false,
                "Removes exactly what `hooks install` added (recognised by their commands), after a timestamped backup."),
        }.WithExamples("seatguard hooks install", "seatguard hooks uninstall");

    private static Command Action(CliContext context, bool install, string description)
    {
        var scope = new Option<string>("--scope")
        {
            Description = "user: <config dir>/settings.json; project: <dir>/.claude/settings.json (usually committed: reaches everyone who clones); " +
                          "local: <dir>/.claude/settings.local.json (this machine only).",
            DefaultValueFactory = _ => HooksScopes.User,
        };
        scope.AcceptOnlyFromAmong([.. HooksScopes.All]);
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resulting settings and the changes; write nothing." };
        var force = new Option<bool>("--force") { Description = "Replace an existing status line that is not SeatGuard's (it stays in the backup)." };
        var program = new Option<string?>("--command")
        {
            Description = "How Claude Code should start seatguard (default: the installed seatguard on PATH, else this program if it is not in a build folder).",
            HelpName = "PATH",
        }.FilePath();
        var command = new Command(install ? "install" : "uninstall", description) { scope, dryRun };
        if (install)
        {
            command.Options.Add(force);
            command.Options.Add(program);
        }
        command.Uses(context.Common.Dir, context.Common.ConfigDir);
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var commands = new SeatGuardCommands(install
                ? HooksProgram.Resolve(services.Host, parse.GetValue(program), context.ProgramPath)
                : "seatguard");
            var request = new HooksRequest(install, parse.GetValue(scope)!, commands, install && parse.GetValue(force), parse.GetValue(dryRun));
            var result = HooksInstaller.Run(services.Host, request, context.ConfigDir(parse), services.Now);
            if (context.Json(parse)) context.WriteJson(result, IntegrationJson.Default.HooksResult);
            else HooksView.Render(context.Terminal, result);
            return ExitCodes.Ok;
        });
        return install
            ? command.WithExamples(
                "seatguard hooks install",
                "seatguard hooks install --scope local --dry-run   # this repository on this machine only",
                "seatguard hooks install --command ~/.local/bin/seatguard",
                "seatguard hooks install --force   # replace a status line that is not SeatGuard's")
            : command.WithExamples("seatguard hooks uninstall", "seatguard hooks uninstall --scope local");
    }
}
