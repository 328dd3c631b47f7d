using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Launch;

/// <summary>
/// <c>seatguard verify</c>: runs <c>claude -p ping --output-format stream-json --verbose</c> (one tiny real
/// request) under the current environment or a launch plan, reads the verdict from Claude Code's own events,
/// and records the launch.
/// </summary>
public sealed class Verifier(CredentialReader credentials, ICommandRunner runner, TimeProvider clock)
{
    /// <summary>The tiny real request <c>verify</c> makes.</summary>
    public static readonly string[] PingArguments = ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", "--tools", "", "--max-turns", "1"];

    /// <summary>Plans the launch, makes one tiny real request, and reads the verdict from Claude Code's init and rate-limit events.</summary>
    public async Task<VerifyOutcome> VerifyAsync(HostContext host, VerifyRequest request, SeatConfig config, Func<LedgerStore>? openLedger, CancellationToken ct = default)
    {
        var plan = request.Plan;
        var env = plan?.Environment ?? host.Environment;
        var inventory = plan?.Inventory ?? credentials.Gather(host, request.ConfigDir);
        var args = new List<string>();
        if (plan is not null) args.AddRange(plan.LaunchArguments);
        args.AddRange(PingArguments);
        var started = clock.GetUtcNow();
        var result = await runner.RunAsync(new CommandSpec(plan?.Executable ?? request.ClaudeExecutable, args, env, host.WorkingDirectory, request.Timeout), ct);
        var observation = StreamJsonObserver.ReadAll(result.StdOut);
        var report = BillingEvidence.Judge(observation, inventory);

        var credential = plan?.Credential ?? BillingResolver.Resolve(inventory).Winner;
        var (_, warning) = LedgerStore.TryAppend(openLedger, new LedgerEntry(0, started, "verify", host.WorkingDirectory,
            plan?.Beneficiary ?? config.Owner, config.Owner, plan?.Mode.Name() ?? "verify", credential.Kind.Name(), credential.Source.ToString(),
            credential.Fingerprint, report.Verdict.Name(), result.ExitCode, observation.SessionId, report.CostUsd, observation.InputTokens,
            observation.OutputTokens, observation.CacheCreationTokens, observation.CacheReadTokens, plan?.Forced ?? false, plan?.Warnings.FirstOrDefault(),
            report.RateLimitType, report.Status, observation.Utilization, report.OverageInUse));
        return new VerifyOutcome(report, observation, result, warning);
    }
}
