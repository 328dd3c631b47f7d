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
        var onOverage = LaunchOptions.OnOverage();
        var allowCredits = new Option<bool>("--allow-usage-credits")
        {
            Description = "Let a subscription launch use a model or mode that bills usage credits from the first request (refused with exit 4 otherwise; rules in the policy book).",
        };
        var modelPolicy = new Option<string?>("--model-policy")
        {
            Description = "A model policy file (YAML rules: prompt words, the plan's recorded 5h/7d use → model). The decision is printed and recorded. Off unless given.",
            HelpName = "FILE",
        };
        var noLedger = LaunchOptions.NoLedger();
        var claudeArgs = new Argument<string[]>("claude-arguments") { Description = "Arguments for claude, after --.", Arity = ArgumentArity.ZeroOrMore };
        var command = new Command("run",
            "Launch Claude Code with exactly one credential (conflicting ones removed or neutralised) and prove the bill from its stream-json events.")
        {
            mode, forName, force, dryRun, onOverage, allowCredits, modelPolicy, noLedger, claudeArgs,
        };
        command.Uses(context.Common.Claude, context.Common.Dir, context.Common.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var config = services.Config();
            var request = new LaunchRequest(LaunchOptions.ModeValue(parse, mode), parse.GetValue(forName), parse.GetValue(force), context.ClaudeExecutable(parse, host),
                parse.GetValue(claudeArgs) ?? [], context.ConfigDir(parse))
            {
                OnOverage = LaunchOptions.OnOverageValue(parse, onOverage),
                AllowUsageCredits = parse.GetValue(allowCredits),
                ModelPolicyFile = parse.GetValue(modelPolicy),
                NoLedger = parse.GetValue(noLedger),
            };
            var t = context.Terminal;
            if (parse.GetValue(dryRun))
            {
                var planned = services.Planner.Plan(host, request, config);
                if (planned.Refused) return Refuse(t, planned.Refusal!);
                if (context.Json(parse)) context.WriteJson(planned.Plan!, LaunchJson.Default.LaunchPlan);
                else LaunchView.RenderPlan(t, planned.Plan!);
                return ExitCodes.Ok;
            }
            var outcome = await services.Launcher.RunAsync(host, request, config, services.OpenLedger, line => t.Error("seatguard: " + line), ct);
            LaunchView.RenderRunOutcome(t, outcome);
            return outcome.ExitCode;
        });
        return command.WithExamples(
            "# A -p run in text or json format is run with stream-json inside, so its bill, limits and cost are proven; you see what claude -p prints.",
            "# With --output-format stream-json the stream passes through unchanged. The verdict goes to stderr; its last line reads",
            "#   seatguard: verdict <billing> exit=<N> by=<claude|seatguard>[ reason=<why>]",
            "# Exit 3 when the bill contradicts the mode or the overage tripwire stopped claude; exit 4 when refused (nothing launched).",
            "seatguard run -- -p \"summarise the diff\"",
            "seatguard run --on-overage warn -- -p \"long refactor\" --output-format stream-json --verbose",
            "seatguard run --for client-acme -- -p \"draft the report\"   # api-key mode",
            "seatguard run --model-policy models.yaml -- -p \"design the cache layer\"",
            "seatguard run --dry-run --json -- -p hi");
    }

    internal static int Refuse(Terminal t, string reason)
    {
        t.Error("seatguard: " + reason);
        t.Error(LaunchView.VerdictLine("refused", ExitCodes.RefusedByPolicy, true, "refused"));
        return ExitCodes.RefusedByPolicy;
    }
}
