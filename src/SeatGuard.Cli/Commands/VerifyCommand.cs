using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard verify</c>: one tiny real request; the verdict from Claude Code's own events.</summary>
public static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var mode = LaunchOptions.Mode("Verify under a launch plan for this mode instead of the current environment as it is.");
        var forName = LaunchOptions.For();
        var force = LaunchOptions.Force();
        var expect = ExpectOption.Create(Billing.Subscription, Billing.ApiKey, Billing.Gateway, Billing.CloudProvider);
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for claude.", DefaultValueFactory = _ => 60, HelpName = "SECONDS" }.AtLeast(1);
        var command = new Command("verify",
            "Prove which bill Claude Code hits with ONE TINY REAL REQUEST (`claude -p ping --output-format stream-json --verbose`), read from its init and rate-limit events.")
        {
            mode, forName, force, expect, timeout,
        };
        command.Uses(CommonOptions.Claude, CommonOptions.Dir, CommonOptions.ConfigDir);
        command.SetAction(async (parse, ct) =>
        {
            var services = context.Services(parse);
            var host = services.Host;
            var t = context.Terminal;
            var claude = context.ClaudeExecutable(parse, host);
            var config = services.Config();
            LaunchPlan? plan = null;
            if (parse.GetValue(mode) is not null || parse.GetValue(forName) is not null)
            {
                var planned = services.Planner.Plan(host, new LaunchRequest(LaunchOptions.ModeValue(parse, mode), parse.GetValue(forName), parse.GetValue(force), claude, [], context.ConfigDir(parse)), config);
                if (planned.Refused) return RunCommand.Refuse(t, planned.Refusal!);
                plan = planned.Plan;
            }
            t.Error("seatguard: verify sends one tiny real request through Claude Code (billed like any other).");
            var request = new VerifyRequest(claude, plan, context.ConfigDir(parse), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))));
            var outcome = await services.Verifier.VerifyAsync(host, request, config, services.OpenLedger, ct);
            if (outcome.LedgerWarning is not null) t.Error("seatguard: warning: not recorded: " + outcome.LedgerWarning);

            var r = outcome.Report;
            if (context.Json(parse)) context.WriteJson(r, LaunchJson.Default.VerifyReport);
            else LaunchView.RenderVerify(t, r);

            var expected = ExpectOption.Value(parse, expect);
            if (r.Verdict == Billing.Unknown && (outcome.Result.ExitCode != 0 || outcome.Result.TimedOut))
            {
                t.Error("seatguard: claude failed: " + Redactor.Scrub(outcome.Observation.ResultText ?? outcome.Result.StdErr.Trim().Split('\n')[0]));
                if (expected is null) return ExitCodes.CheckFailed;
            }
            if (expected is { } e && e != r.Verdict)
            {
                t.Error($"seatguard: expected {e.Name()}, but Claude Code's events show {r.Verdict.Name()}.");
                return ExitCodes.BillingMismatch;
            }
            return ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard verify --expect subscription",
            "seatguard verify --mode subscription --json");
    }
}
