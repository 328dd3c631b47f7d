using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Install;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard install [--prefix DIR]</c> and <c>seatguard uninstall</c>: this program on PATH at a stable path.</summary>
public static class InstallCommand
{
    /// <summary>Both commands (install, uninstall), for the catalog.</summary>
    public static IEnumerable<Command> Create(CliContext context)
    {
        yield return Action(context, install: true).WithExamples(
            "./seatguard install                 # from a clone: the natively compiled build into ~/.local/bin",
            "seatguard install --prefix /usr/local",
            "seatguard install --dry-run --json");
        yield return Action(context, install: false).WithExamples(
            "seatguard uninstall",
            "seatguard uninstall --prefix /usr/local");
    }

    private static Command Action(CliContext context, bool install)
    {
        var prefix = new Option<string?>("--prefix")
        {
            Description = "Install prefix: the program goes to PREFIX/lib/seatguard, the command to PREFIX/bin/seatguard (default: ~/.local).",
            HelpName = "DIR",
        };
        var dryRun = new Option<bool>("--dry-run") { Description = "Say what would change; change nothing." };
        var force = new Option<bool>("--force") { Description = "Replace a PREFIX/bin/seatguard that is not SeatGuard's link." };
        var command = install
            ? new Command("install", "Put this seatguard on PATH at a stable path: its folder is copied to PREFIX/lib/seatguard and PREFIX/bin/seatguard links to it. " +
                                     "Hooks and the status line then name PREFIX/bin/seatguard. Run it as ./seatguard install in a clone to install the natively compiled build.")
                { prefix, dryRun, force }
            : new Command("uninstall", "Remove what `seatguard install` put under PREFIX (the link and PREFIX/lib/seatguard); SeatGuard's data and config stay.")
                { prefix, dryRun };
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var request = new InstallRequest(install, parse.GetValue(prefix), context.ProgramPath ?? "", context.ProgramDirectory, context.NativelyCompiled,
                install && parse.GetValue(force), parse.GetValue(dryRun));
            var result = await new Installer(services.Commands).RunAsync(services.Host, request, ct);
            if (context.Json(parse)) context.WriteJson(result, InstallJson.Default.InstallResult);
            else InstallView.Render(context.Terminal, result);
            return ExitCodes.Ok;
        });
        return command;
    }
}
