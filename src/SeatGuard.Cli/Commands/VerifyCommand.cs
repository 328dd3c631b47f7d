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
        var onOverage = LaunchOptions.OnOverage();
        var noLedger = LaunchOptions.NoLedger();
        var command = new Command("verify",
            "Prove which bill Claude Code hits with ONE TINY REAL REQUEST (`claude -p ping --output-format stream-json --verbose`), read from its init and rate-limit events.")
        {
            mode, forName, force, expect, timeout, onOverage, noLedger,
        };
        command.Uses(context.Common.Claude, context.Common.Dir, context.Common.ConfigDir);
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
            foreach (var w in plan?.Warnings ?? []) t.Error("seatguard: WARNING: " + w);
            t.Error("seatguard: verify sends one tiny real request through Claude Code (billed like any other).");
            var request = new VerifyRequest(claude, plan, context.ConfigDir(parse), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))))
            {
                OnOverage = LaunchOptions.OnOverageValue(parse, onOverage),
                NoLedger = parse.GetValue(noLedger),
            };
            var outcome = await services.Verifier.VerifyAsync(host, request, config, services.OpenLedger, ct);
            if (outcome.Refusal is not null) return RunCommand.Refuse(t, outcome.Refusal);
            if (outcome.LedgerWarning is not null) t.Error("seatguard: warning: not recorded: " + outcome.LedgerWarning);
            if (request.NoLedger) t.Error("seatguard: warning: not recorded (--no-ledger).");
            foreach (var n in outcome.Notices) t.Error("seatguard: " + n);

            var r = outcome.Report;
            if (context.Json(parse)) context.WriteJson(r, LaunchJson.Default.VerifyReport);
            else LaunchView.RenderVerify(t, r);

            int code = Decide(t, outcome, ExpectOption.Value(parse, expect));
            t.Error(LaunchView.VerdictLine(r.Verdict.Name(), code, code != outcome.Result.ExitCode || outcome.StoppedBy is not null,
                outcome.StoppedBy ?? (code == ExitCodes.BillingMismatch ? "billing-mismatch" : code == ExitCodes.CheckFailed ? "claude-failed" : null)));
            return code;
        });
        return command.WithExamples(
            "seatguard verify --expect subscription",
            "seatguard verify --mode subscription --json",
            "seatguard verify --on-overage warn   # report usage credits in use without failing");
    }

    private static int Decide(Terminal t, VerifyOutcome outcome, Billing? expected)
    {
        var r = outcome.Report;
        if (outcome.Signal is { } s) return 128 + (int)s;
        if (outcome.StoppedBy is "overage")
        {
            t.Error("seatguard: " + outcome.StopMessage);
            return ExitCodes.BillingMismatch;
        }
        if (r.Verdict == Billing.Unknown && (outcome.Result.ExitCode != 0 || outcome.Result.TimedOut))
        {
            t.Error("seatguard: claude failed: " + Redactor.Scrub(outcome.Result.TimedOut ? "no answer within the timeout" : outcome.Observation.ResultText ?? outcome.Result.StdErr.Trim().Split('\n')[0]));
            if (expected is null) return ExitCodes.CheckFailed;
        }
        if (expected is { } e && e != r.Verdict)
        {
            t.Error($"seatguard: expected {e.Name()}, but Claude Code's events show {r.Verdict.Name()}.");
            return ExitCodes.BillingMismatch;
        }
        return ExitCodes.Ok;
    }
}
