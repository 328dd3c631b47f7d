using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>
/// <c>seatguard verify</c>: runs <c>claude -p ping --output-format stream-json --verbose</c> (one tiny real
/// request) under the current environment or a launch plan, reads the verdict from Claude Code's own events,
/// applies the overage tripwire, and records the launch (also when interrupted or timed out).
/// </summary>
public sealed class Verifier(CredentialReader credentials, IProcessLauncher processes, TimeProvider clock)
{
    /// <summary>The tiny real request <c>verify</c> makes.</summary>
    public static readonly string[] PingArguments = ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", "--tools", "", "--max-turns", "1"];

    /// <summary>Plans the launch, makes one tiny real request, and reads the verdict from Claude Code's init and rate-limit events.</summary>
    public async Task<VerifyOutcome> VerifyAsync(HostContext host, VerifyRequest request, SeatConfig config, Func<LedgerStore>? openLedger, CancellationToken ct = default)
    {
        var plan = request.Plan;
        var env = plan?.Environment ?? host.Environment;
        var inventory = plan?.Inventory ?? credentials.Gather(host, request.ConfigDir);
        var credential = plan?.Credential ?? BillingResolver.Resolve(inventory).Winner;
        var mode = plan?.Mode ?? BillingResolver.Resolve(inventory).Verdict;
        var args = new List<string>();
        if (plan is not null) args.AddRange(plan.LaunchArguments);
        args.AddRange(PingArguments);

        LedgerStore? ledger = null;
        string? warning = null;
        if (!request.NoLedger && openLedger is not null)
        {
            try { ledger = openLedger(); }
            catch (LedgerException e) { warning = e.Message; }
        }
        var observer = new StreamJsonObserver();
        if (ledger is null && plan is { Forced: true } && !request.NoLedger)
            return new VerifyOutcome(BillingEvidence.Judge(observer.Observation, inventory), observer.Observation, new CommandResult(-1, "", "", false), warning)
            {
                Refusal = $"Refusing a forced verify for '{plan.Beneficiary}': the ledger cannot record it ({warning ?? "no ledger"}). Fix the ledger, or pass --no-ledger.",
            };

        using var ledgerScope = ledger;
        var guard = new LaunchGuard(request.OnOverage ?? LaunchGuard.DefaultFor(mode), allowUsageCredits: true, [], [], headless: true);
        ChildStopper? stopper = null;
        var gate = new Lock();
        var started = clock.GetUtcNow();
        var spec = new CommandSpec(plan?.Executable ?? request.ClaudeExecutable, args, env, host.WorkingDirectory, request.Timeout);
        using var child = processes.Start(spec, new LaunchStreams(StdoutHandling.Observe, line =>
        {
            lock (gate)
            {
                if (guard.Check(observer.OnLine(line.Span), observer.Observation, out _)) stopper?.Stop(guard.StopKind!, ChildSignal.Interrupt);
            }
        }, CaptureStderr: true, CloseStdin: true));
        stopper = new ChildStopper(child, request.StopGrace, clock);
        lock (gate) { if (guard.StopKind is not null) stopper.Stop(guard.StopKind, ChildSignal.Interrupt); }
        child.SignalReceived += signal => stopper.Stop("signal:" + ChildStopper.SignalName(signal), signal);
        var timeout = Task.Delay(request.Timeout, clock);
        if (await Task.WhenAny(child.Exited, timeout) == timeout) stopper.Stop("timeout", ChildSignal.Terminate);
        int exit = await child.Exited;

        var observation = observer.Observation;
        var report = BillingEvidence.Judge(observation, inventory);
        bool timedOut = stopper.Reason == "timeout";
        int code = child.ReceivedSignal is { } s ? 128 + (int)s : guard.StopKind is not null ? ExitCodes.BillingMismatch : exit;
        if (ledger is not null)
        {
            try
            {
                ledger.Append(new LedgerEntry(0, started, "verify", host.WorkingDirectory,
                    plan?.Beneficiary ?? config.Owner, config.Owner, plan?.Mode.Name() ?? "verify", credential.Kind.Name(), credential.Source.ToString(),
                    credential.Fingerprint, report.Verdict.Name(), exit, observation.SessionId, report.CostUsd, observation.InputTokens,
                    observation.OutputTokens, observation.CacheCreationTokens, observation.CacheReadTokens, plan?.Forced ?? false, plan?.Warnings.FirstOrDefault(),
                    report.RateLimitType, report.Status, observation.Utilization, report.OverageInUse)
                {
                    Models = observation.Models, RequestIds = observation.RequestIds, RateLimitEvents = observation.RateLimitEvents,
                    Overage = guard.Overage, StoppedBy = stopper.Reason, SeatGuardExit = code,
                });
            }
            catch (LedgerException e) { warning = e.Message; }
        }
        return new VerifyOutcome(report, observation, new CommandResult(timedOut ? -1 : exit, "", child.CapturedStderr, timedOut), warning)
        {
            StoppedBy = stopper.Reason, StopMessage = guard.StopMessage, Overage = guard.Overage, Notices = guard.Notices, Signal = child.ReceivedSignal,
        };
    }
}
