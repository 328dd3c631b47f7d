using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;

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
        command.SetAction(async (parse, ct) =>
        {
            var host = context.Host(parse);
            var config = SeatConfig.Load(host);
            var request = new LaunchRequest(parse.GetValue(mode), parse.GetValue(forName), parse.GetValue(force), context.ClaudeExecutable(parse, host),
                parse.GetValue(claudeArgs) ?? [], context.ConfigDir(parse));
            var t = context.Terminal;
            if (parse.GetValue(dryRun))
            {
                var planned = LaunchPlanner.Plan(host, request, config);
                if (planned.Refused) return Refuse(t, planned.Refusal!);
                if (context.Json(parse)) JsonOutput.Write(t.Out, planned.Plan!, LaunchJson.Default.LaunchPlan);
                else LaunchView.RenderPlan(t, planned.Plan!);
                return ExitCodes.Ok;
            }
            var launcher = new Launcher(new SystemProcessLauncher(t.RawOut), TimeProvider.System);
            RunOutcome outcome;
            try
            {
                outcome = await launcher.RunAsync(host, request, config, () => LedgerStore.Open(LedgerStore.DefaultPath(host)), ct);
            }
            catch (ExecutableNotFoundException e)
            {
                t.Error("seatguard: " + e.Message);
                return ExitCodes.BadUsage;
            }
            if (outcome.Refusal is not null) return Refuse(t, outcome.Refusal);
            foreach (var w in outcome.Plan!.Warnings) t.Error("seatguard: WARNING: " + w);
            if (outcome.LedgerWarning is not null) t.Error("seatguard: warning: launch not recorded: " + outcome.LedgerWarning);
            if (outcome.Verdict is { } v)
            {
                t.Error($"seatguard: billed {v.Verdict} ({v.Evidence}); asked for {outcome.Plan.Mode}.");
                if (outcome.Mismatch) t.Error($"seatguard: BILLING MISMATCH: asked for {outcome.Plan.Mode}, Claude Code's events show {v.Verdict}.");
            }
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
