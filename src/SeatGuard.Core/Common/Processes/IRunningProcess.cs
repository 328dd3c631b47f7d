namespace SeatGuard.Core.Common.Processes;

/// <summary>A program SeatGuard started. Disposing it ends SeatGuard's hold on the signals it catches for the launch.</summary>
public interface IRunningProcess : IDisposable
{
    /// <summary>The exit code once the program has exited and its stdout is drained (128 + N when a signal N ended it).</summary>
    Task<int> Exited { get; }

    /// <summary>Sends a signal to the program (to its whole tree for <see cref="ChildSignal.Kill"/>); nothing once it has exited.</summary>
    void Send(ChildSignal signal);

    /// <summary>
    /// Raised when SeatGuard itself receives SIGINT, SIGTERM, SIGHUP or SIGQUIT while the program runs. The signal is
    /// caught: SeatGuard keeps running, so the handler decides what the program gets.
    /// </summary>
    event Action<ChildSignal>? SignalReceived;

    /// <summary>The first signal SeatGuard received during the launch, or null.</summary>
    ChildSignal? ReceivedSignal { get; }

    /// <summary>Standard error, when <see cref="LaunchStreams.CaptureStderr"/> asked for it (else empty).</summary>
    string CapturedStderr { get; }
}
