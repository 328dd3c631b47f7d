using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Cli.Commands;

/// <summary><c>seatguard verify</c>: one tiny real request; the verdict from Claude Code's own events.</summary>
public static class VerifyCommand
{
    public static Command Create(CliContext context)
    {
        var mode = LaunchOptions.Mode("Verify under a launch plan for this mode instead of the current environment as it is.");
        var forName = LaunchOptions.For();
        var force = LaunchOptions.Force();
        var expect = ExpectOption.Create(BillingVerdicts.Subscription, BillingVerdicts.ApiKey, BillingVerdicts.Gateway, BillingVerdicts.CloudProvider);
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait for claude.", DefaultValueFactory = _ => 60, HelpName = "SECONDS" };
        var command = new Command("verify",
            "Prove which bill Claude Code hits with ONE TINY REAL REQUEST (`claude -p ping --output-format stream-json --verbose`), read from its init and rate-limit events.")
        {
            mode, forName, force, expect, timeout,
        };
        command.SetAction(async (parse, ct) =>
        {
            var host = context.Host(parse);
            var t = context.Terminal;
            var claude = context.ClaudeExecutable(parse, host);
            LaunchPlan? plan = null;
            if (parse.GetValue(mode) is not null || parse.GetValue(forName) is not null)
            {
                var planned = LaunchPlanner.Plan(host, new LaunchRequest(parse.GetValue(mode), parse.GetValue(forName), parse.GetValue(force), claude, [], context.ConfigDir(parse)), SeatConfig.Load(host));
                if (planned.Refused) return RunCommand.Refuse(t, planned.Refusal!);
                plan = planned.Plan;
            }
            t.Error("seatguard: verify sends one tiny real request through Claude Code (billed like any other).");
            VerifyOutcome outcome;
            try
            {
                outcome = await new Verifier(SystemCommandRunner.Instance).VerifyAsync(host, claude, plan, context.ConfigDir(parse), TimeSpan.FromSeconds(Math.Max(1, parse.GetValue(timeout))), ct);
            }
            catch (ExecutableNotFoundException e)
            {
                t.Error("seatguard: " + e.Message);
                return ExitCodes.BadUsage;
            }
            var r = outcome.Report;
            var cfg = SeatConfig.Load(host);
            var (_, ledgerWarning) = Launcher.Record(() => LedgerStore.Open(LedgerStore.DefaultPath(host)), new LedgerEntry(0, DateTimeOffset.UtcNow, "verify", host.WorkingDirectory,
                plan?.Beneficiary ?? cfg.Owner, cfg.Owner, plan?.Mode ?? "verify", plan?.Credential.Kind ?? "observed", plan?.Credential.Source ?? "environment",
                plan?.Credential.Fingerprint, r.Verdict, outcome.Result.ExitCode, outcome.Observation.SessionId, r.CostUsd, outcome.Observation.InputTokens,
                outcome.Observation.OutputTokens, outcome.Observation.CacheCreationTokens, outcome.Observation.CacheReadTokens, plan?.Forced ?? false, null,
                r.RateLimitType, r.Status, outcome.Observation.Utilization, r.OverageInUse));
            if (ledgerWarning is not null) t.Error("seatguard: warning: not recorded: " + ledgerWarning);

            if (context.Json(parse)) JsonOutput.Write(t.Out, r, LaunchJson.Default.VerifyReport);
            else LaunchView.RenderVerify(t, r);

            if (r.Verdict == BillingVerdicts.Unknown && (outcome.Result.ExitCode != 0 || outcome.Result.TimedOut))
            {
                t.Error("seatguard: claude failed: " + Redactor.Scrub(outcome.Observation.ResultText ?? FirstLine(outcome.Result.StdErr)));
                if (parse.GetValue(expect) is null) return ExitCodes.CheckFailed;
            }
            if (parse.GetValue(expect) is { } expected && expected != r.Verdict)
            {
                t.Error($"seatguard: expected {expected}, but Claude Code's events show {r.Verdict}.");
                return ExitCodes.BillingMismatch;
            }
            return ExitCodes.Ok;
        });
        return command.WithExamples(
            "seatguard verify --expect subscription",
            "seatguard verify --mode subscription --json");
    }

    private static string FirstLine(string s) => s.Trim().Split('\n')[0];
}
