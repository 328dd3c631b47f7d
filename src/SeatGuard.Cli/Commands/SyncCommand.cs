using System.CommandLine;
using System.Reflection;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Team;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard sync</c>: pushes this machine's usage, launches and doctor verdict to the team store.</summary>
public static class SyncCommand
{
    public static Command Create(CliContext context)
    {
        var store = StoreOption();
        var person = new Option<string?>("--person") { Description = "Whose machine this is in the team view (default: \"person\" in config.json, else the OS user).", HelpName = "NAME" };
        var machine = new Option<string?>("--machine") { Description = "This machine's name in the team view (default: \"machine\" in config.json, else the host name).", HelpName = "NAME" };
        var command = new Command("sync", $"Push this machine's usage (per day, model, project and billing source), ledger launches and doctor verdict to the team store (PostgreSQL). " +
            $"Needs the team secret in {TeamKey.Variable}; credential fingerprints are keyed with it, no credential is sent. Syncing again sends only what changed.")
        {
            store, person, machine,
        };
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var config = services.Config();
            var address = TeamStoreAddress.Resolve(parse.GetValue(store), host, config.TeamStore);
            var key = TeamKey.FromHost(host);
            var request = new SyncRequest(address, key, UsageCommand.DefaultQuery(host, services.Now), context.ConfigDir(parse),
                NameOption(parse.GetValue(person), "--person"), NameOption(parse.GetValue(machine), "--machine"), Version());
            SyncReport report;
            try
            {
                report = await services.TeamSync.RunAsync(host, config, request, ct);
            }
            catch (TeamStoreException e)
            {
                context.Terminal.Error("seatguard: " + Redactor.Scrub(e.Message) + " (what was sent before stays; run `seatguard sync` again to finish)");
                return ExitCodes.CheckFailed;
            }
            if (context.Json(parse)) context.WriteJson(report, TeamJson.Default.SyncReport);
            else TeamView.RenderSync(context.Terminal, report);
            return ExitCodes.Ok;
        });
        return command.WithExamples(
            "SEATGUARD_TEAM_KEY=… seatguard sync --store postgresql://alice@db.example/seatguard",
            "seatguard sync --person alice --machine laptop --json",
            "*/30 * * * * SEATGUARD_STORE=postgresql://… SEATGUARD_TEAM_KEY=… seatguard sync >/dev/null   # crontab");
    }

    /// <summary>--store, shared by sync and team report.</summary>
    internal static Option<string?> StoreOption() => new("--store")
    {
        Description = $"The team store: postgresql://USER[:PASSWORD]@HOST[:PORT]/DATABASE[?sslmode=require] (default: ${TeamStoreAddress.Variable}, else \"teamStore\" in config.json).",
        HelpName = "URL",
    };

    private static string? NameOption(string? value, string option)
    {
        if (value is null) return null;
        var name = value.Trim();
        if (name.Length == 0 || name.Length > 200 || name.Any(char.IsControl)) throw new InputException($"{option} needs a name (1-200 printable characters)");
        return name;
    }

    internal static string Version() =>
        typeof(SyncCommand).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";
}
