namespace SeatGuard.Core.Common.Processes;

/// <summary>
/// Starts a program with the user's terminal: stdin and stderr passed through untouched, stdout passed
/// through too (and, when an observer is given, also handed line by line to it). Signals are forwarded
/// and the exit code is returned.
/// </summary>
public interface IProcessLauncher
{
    /// <exception cref="ExecutableNotFoundException">the program could not be started.</exception>
    Task<int> RunAsync(CommandSpec spec, Action<ReadOnlyMemory<byte>>? stdoutLineObserver, CancellationToken cancellationToken = default);
}
