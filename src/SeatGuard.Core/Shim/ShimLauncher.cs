using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Shim;

/// <summary>
/// <c>seatguard shim exec</c>, what the <c>claude</c> shim runs: the caller's arguments go to the real Claude Code through
/// <see cref="Launcher"/> — the beneficiary from <c>SEATGUARD_FOR</c> (else the seat owner), the credential the policy
/// allows for them, the verdict read from the stream the caller already asked for, the overage tripwire, the ledger.
/// stdin and stderr are the caller's own, stdout is passed through byte for byte. A refusal reaches a stream-json
/// caller (an Agent SDK) as a clean CLI error: a <c>result</c> with <c>is_error</c> and SeatGuard's reason, exit 4.
/// </summary>
public sealed class ShimLauncher(Launcher launcher, IProcessLauncher processes)
{
    /// <summary>Invocations that only print something about claude itself (the Python SDK's <c>-v</c> check): passed straight on.</summary>
    private static readonly HashSet<string> InfoOnly = ["-v", "--version", "-h", "--help"];

    /// <summary>Launches the real Claude Code with the caller's arguments through SeatGuard; a refusal of a stream-json caller is answered as a stream-json error result.</summary>
    public async Task<RunOutcome> RunAsync(HostContext host, SeatConfig config, IReadOnlyList<string> args, string? shimPath, Func<LedgerStore>? openLedger, Action<string>? notify)
    {
        var claude = RealClaude.Find(host, config, shimPath);
        if (args.Count == 1 && InfoOnly.Contains(args[0]))
        {
            using var info = processes.Start(new CommandSpec(claude, args, host.Environment, host.WorkingDirectory, Timeout.InfiniteTimeSpan), LaunchStreams.Inherit);
            int code = await info.Exited;
            return new RunOutcome(code, null, null, null, false, null, null) { ClaudeExit = code };
        }
        var request = new LaunchRequest(null, host.Get("SEATGUARD_FOR") is { Length: > 0 } who ? who : null, false, claude, args, null) { Shim = true };
        var outcome = await launcher.RunAsync(host, request, config, openLedger, notify);
        var parsed = ClaudeArguments.Parse(args);
        if (outcome.Refusal is not null && parsed.OutputFormat == "stream-json")
            await ShimRefusal.WriteAsync(processes.Stdin, processes.Stdout, outcome.Refusal, parsed.InputFormat == "stream-json", outcome.ExitCode);
        return outcome;
    }
}
