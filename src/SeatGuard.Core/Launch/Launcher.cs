using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>
/// <c>seatguard run</c>: plans the launch, starts the real Claude Code with exactly one credential
/// (terminal passed through, signals forwarded, exit code propagated), reads stream-json as it passes to
/// prove the bill against the same credential picture the plan was checked with, and records the launch.
/// </summary>
public sealed class Launcher(LaunchPlanner planner, IProcessLauncher processes, TimeProvider clock)
{
    /// <summary>Plans the launch, runs Claude Code with the plan (output passed through), proves the bill from stream-json when asked for, and records the launch in the ledger when <paramref name="openLedger"/> is given.</summary>
    public async Task<RunOutcome> RunAsync(HostContext host, LaunchRequest request, SeatConfig config, Func<LedgerStore>? openLedger, CancellationToken ct = default)
    {
        var outcome = planner.Plan(host, request, config);
        if (outcome.Refused) return new RunOutcome(ExitCodes.RefusedByPolicy, null, null, outcome.Refusal, false, null, null);
        var plan = outcome.Plan!;

        StreamJsonObserver? observer = WantsStreamJson(request.ClaudeArguments) ? new StreamJsonObserver() : null;
        var spec = new CommandSpec(plan.Executable, plan.LaunchArguments, plan.Environment, host.WorkingDirectory, Timeout.InfiniteTimeSpan);
        var started = clock.GetUtcNow();
        int exit = await processes.RunAsync(spec, observer is null ? null : line => observer.OnLine(line.Span), ct);

        VerifyReport? verdict = null;
        bool mismatch = false;
        if (observer is not null)
        {
            verdict = BillingEvidence.Judge(observer.Observation, plan.Inventory);
            bool completed = observer.Observation.SawResult && observer.Observation.IsError != true;
            mismatch = completed && BillingEvidence.Contradicts(plan.Mode, verdict);
        }

        var o = observer?.Observation;
        var (id, warning) = LedgerStore.TryAppend(openLedger, new LedgerEntry(0, started, string.Join(' ', plan.Command), host.WorkingDirectory, plan.Beneficiary, plan.Owner,
            plan.Mode.Name(), plan.Credential.Kind.Name(), plan.Credential.Source.ToString(), plan.Credential.Fingerprint,
            verdict?.Verdict.Name() ?? LedgerEntry.Planned(plan.Credential.Billing), exit, o?.SessionId, o?.CostUsd, o?.InputTokens ?? 0, o?.OutputTokens ?? 0,
            o?.CacheCreationTokens ?? 0, o?.CacheReadTokens ?? 0, plan.Forced, plan.Warnings.FirstOrDefault(),
            o?.RateLimitType, o?.RateLimitStatus, o?.Utilization, o?.OverageInUse));
        return new RunOutcome(mismatch ? ExitCodes.BillingMismatch : exit, plan, verdict, null, mismatch, id, warning);
    }

    /// <summary>Whether the claude arguments ask for <c>--output-format stream-json</c>.</summary>
    public static bool WantsStreamJson(IReadOnlyList<string> args)
    {
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] == "--output-format" && i + 1 < args.Count && args[i + 1] == "stream-json") return true;
            if (args[i] == "--output-format=stream-json") return true;
        }
        return false;
    }
}
