using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>The result of <c>seatguard verify</c>: the verdict and what Claude Code printed.</summary>
public sealed record VerifyOutcome(VerifyReport Report, StreamObservation Observation, CommandResult Result);

/// <summary>
/// <c>seatguard verify</c>: runs <c>claude -p ping --output-format stream-json --verbose</c> (one tiny real
/// request) under the current environment or a launch plan, and reads the verdict from Claude Code's own events.
/// </summary>
public sealed class Verifier(ICommandRunner runner)
{
    public static readonly string[] PingArguments = ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", "--tools", "", "--max-turns", "1"];

    public async Task<VerifyOutcome> VerifyAsync(HostContext host, string claudeExecutable, LaunchPlan? plan, string? configDir, TimeSpan timeout, CancellationToken ct = default)
    {
        var env = plan?.Environment ?? host.Environment;
        var args = new List<string>();
        if (plan is not null) args.AddRange(plan.LaunchArguments);
        args.AddRange(PingArguments);
        var result = await runner.RunAsync(new CommandSpec(plan?.Executable ?? claudeExecutable, args, env, host.WorkingDirectory, timeout), ct);
        var observation = StreamJsonObserver.ReadAll(result.StdOut);
        var inventory = CredentialInventory.Gather(host.WithEnvironment(env), configDir);
        return new VerifyOutcome(BillingEvidence.Judge(observation, inventory), observation, result);
    }
}
