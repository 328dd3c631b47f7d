using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>How a run ended: the exit code to return, the plan, the observed verdict, a refusal, the ledger row.</summary>
public sealed record RunOutcome(int ExitCode, LaunchPlan? Plan, VerifyReport? Verdict, string? Refusal, bool Mismatch, long? LedgerId, string? LedgerWarning);

/// <summary>
/// <c>seatguard run</c>: plans the launch, starts the real Claude Code with exactly one credential
/// (terminal passed through, signals forwarded, exit code propagated), reads stream-json as it passes to
/// prove the bill, and records the launch in the ledger.
/// </summary>
public sealed class Launcher(IProcessLauncher processes, TimeProvider clock)
{
    public async Task<RunOutcome> RunAsync(HostContext host, LaunchRequest request, SeatConfig config, Func<LedgerStore>? openLedger, CancellationToken ct = default)
    {
        var outcome = LaunchPlanner.Plan(host, request, config);
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
            var inventory = CredentialInventory.Gather(host.WithEnvironment(plan.Environment), request.ConfigDir);
            verdict = BillingEvidence.Judge(observer.Observation, inventory);
            bool completed = observer.Observation.SawResult && observer.Observation.IsError != true;
            mismatch = completed && BillingEvidence.Contradicts(plan.Mode, verdict);
        }

        var (id, warning) = Record(openLedger, new LedgerEntry(0, started, string.Join(' ', plan.Command), host.WorkingDirectory, plan.Beneficiary, plan.Owner, plan.Mode,
            plan.Credential.Kind, plan.Credential.Source, plan.Credential.Fingerprint, verdict?.Verdict ?? BillingVerdicts.ForKind(plan.Credential.Kind) + " (planned)",
            exit, observer?.Observation.SessionId, observer?.Observation.CostUsd, observer?.Observation.InputTokens ?? 0, observer?.Observation.OutputTokens ?? 0,
            observer?.Observation.CacheCreationTokens ?? 0, observer?.Observation.CacheReadTokens ?? 0, plan.Forced, plan.Warnings.FirstOrDefault(),
            observer?.Observation.RateLimitType, observer?.Observation.RateLimitStatus, observer?.Observation.Utilization, observer?.Observation.OverageInUse));
        return new RunOutcome(mismatch ? ExitCodes.BillingMismatch : exit, plan, verdict, null, mismatch, id, warning);
    }

    /// <summary>Writes a ledger row; a ledger problem never stops a launch, it becomes a warning.</summary>
    public static (long? Id, string? Warning) Record(Func<LedgerStore>? openLedger, LedgerEntry entry)
    {
        if (openLedger is null) return (null, null);
        try
        {
            using var ledger = openLedger();
            return (ledger.Append(entry), null);
        }
        catch (LedgerException e)
        {
            return (null, e.Message);
        }
    }

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
