using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard hooks install|uninstall</c>: merges the status line and the SessionStart hook into a Claude Code settings file.</summary>
public static class HooksCommand
{
    public static Command Create(CliContext context) =>
        new("hooks", "Add SeatGuard's status line and SessionStart warning to Claude Code's settings, or remove them.")
        {
            Action(context, install: true,
                "Merges \"statusLine\" (seatguard statusline) and a hooks.SessionStart entry (seatguard hook session-start) into the settings file, " +
                "keeping every other key and hook; writes atomically after a timestamped backup. Running it twice changes nothing.\n" +
                "Examples:\n  seatguard hooks install\n  seatguard hooks install --scope project --dry-run\n  seatguard hooks install --force   # replace a status line that is not SeatGuard's"),
            Action(context, install: false,
                "Removes exactly what `hooks install` added (recognised by their commands), after a timestamped backup."),
        };

    private static Command Action(CliContext context, bool install, string description)
    {
        var scope = new Option<string>("--scope")
        {
            Description = "user: <config dir>/settings.json; project: <dir>/.claude/settings.json.",
            DefaultValueFactory = _ => HooksScopes.User,
        };
        scope.AcceptOnlyFromAmong(HooksScopes.User, HooksScopes.Project);
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the resulting settings and the changes; write nothing." };
        var force = new Option<bool>("--force") { Description = "Replace an existing status line that is not SeatGuard's (it stays in the backup)." };
        var program = new Option<string?>("--command")
        {
            Description = "How Claude Code should start seatguard (default: this program's own path).",
            HelpName = "PATH",
        };
        var command = new Command(install ? "install" : "uninstall", description) { scope, dryRun };
        if (install)
        {
            command.Options.Add(force);
            command.Options.Add(program);
        }
        command.Uses(CommonOptions.Dir, CommonOptions.ConfigDir);
        command.SetAction(parse =>
        {
            var services = context.Services(parse);
            var commands = new SeatGuardCommands(ProgramCommand(parse.GetValue(program)));
            var request = new HooksRequest(install, parse.GetValue(scope)!, commands, install && parse.GetValue(force), parse.GetValue(dryRun));
            var result = HooksInstaller.Run(services.Host, request, context.ConfigDir(parse), services.Now);
            if (context.Json(parse)) context.WriteJson(result, IntegrationJson.Default.HooksResult);
            else HooksView.Render(context.Terminal, result);
            return ExitCodes.Ok;
        });
        return command;
    }

    /// <summary>
    /// The command line that starts this seatguard: --command (an existing path is quoted), else this program's
    /// path, else `dotnet seatguard.dll` when it runs under the dotnet host.
    /// </summary>
    internal static string ProgramCommand(string? explicitCommand)
    {
        if (!string.IsNullOrWhiteSpace(explicitCommand))
            return File.Exists(explicitCommand) ? SeatGuardCommands.ShellQuote(Path.GetFullPath(explicitCommand)) : explicitCommand.Trim();
        var process = Environment.ProcessPath ?? "dotnet";
        if (Path.GetFileNameWithoutExtension(process).Equals("seatguard", StringComparison.OrdinalIgnoreCase))
            return SeatGuardCommands.ShellQuote(process);
        var appHost = Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "seatguard.exe" : "seatguard");
        if (File.Exists(appHost)) return SeatGuardCommands.ShellQuote(appHost);
        var dotnet = Path.GetFileNameWithoutExtension(process).Equals("dotnet", StringComparison.OrdinalIgnoreCase) ? process : "dotnet";
        return SeatGuardCommands.ShellQuote(dotnet) + " " + SeatGuardCommands.ShellQuote(Path.Combine(AppContext.BaseDirectory, "seatguard.dll"));
    }
}
