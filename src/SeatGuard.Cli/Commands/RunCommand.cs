using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Launch;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard run [options] -- &lt;claude arguments&gt;</c>: launch Claude Code with exactly one credential.</summary>
public static class RunCommand
{
    public static Command Create(CliContext context)
    {
        var mode = LaunchOptions.Mode("Which credential to use (default: subscription for the seat owner, api-key for anyone else).");
        var forName = LaunchOptions.For();
        var force = LaunchOptions.Force();
        var dryRun = new Option<bool>("--dry-run") { Description = "Print the launch plan (names only, never values) and launch nothing." };
        var claudeArgs = new Argument<string[]>("claude-arguments") { Description = "Arguments for claude, after --.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run",
            "Launch Claude Code with exactly one credential (conflicting ones removed or neutralised) and prove the bill from its stream-json events.")
        {
            mode, forName, force, dryRun, claudeArgs,
        };
        command.Uses(CommonOptions.Claude, CommonOptions.Dir, CommonOptions.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var config = services.Config();
            var request = new LaunchRequest(LaunchOptions.ModeValue(parse, mode), parse.GetValue(forName), parse.GetValue(force), context.ClaudeExecutable(parse, host),
                parse.GetValue(claudeArgs) ?? [], context.ConfigDir(parse));
            var t = context.Terminal;
            if (parse.GetValue(dryRun))
            {
                var planned = services.Planner.Plan(host, request, config);
                if (planned.Refused) return Refuse(t, planned.Refusal!);
                if (context.Json(parse)) context.WriteJson(planned.Plan!, LaunchJson.Default.LaunchPlan);
                else LaunchView.RenderPlan(t, planned.Plan!);
                return ExitCodes.Ok;
            }
            var outcome = await services.Launcher.RunAsync(host, request, config, services.OpenLedger, ct);
            if (outcome.Refusal is not null) return Refuse(t, outcome.Refusal);
            LaunchView.RenderRunOutcome(t, outcome);
            return outcome.ExitCode;
        });
        return command.WithExamples(
            "# With --output-format stream-json the output passes through unchanged and the proven verdict goes to stderr (exit 3 on mismatch).",
            "# Someone else's request (--for) needs an API key: without one, nothing is launched (exit 4). Every launch is recorded (seatguard ledger).",
            "seatguard run -- -p \"summarise the diff\" --output-format stream-json --verbose",
            "seatguard run --for client-acme -- -p \"draft the report\"   # api-key mode",
            "seatguard run --dry-run --json -- -p hi");
    }

    internal static int Refuse(Terminal t, string reason)
    {
        t.Error("seatguard: " + reason);
        return ExitCodes.RefusedByPolicy;
    }
}
