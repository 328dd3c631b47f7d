namespace SeatGuard.Core.Common.Processes;

/// <summary>Runs a program to completion and captures its output. The core's only door to processes for captured runs.</summary>
public interface ICommandRunner
{
    /// <exception cref="ExecutableNotFoundException">the program could not be started.</exception>
    Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken = default);

    /// <summary>
    /// Runs a program whose output may be large: each stdout line goes to <paramref name="onLine"/> as it arrives
    /// (the result's <see cref="CommandResult.StdOut"/> is empty); stderr is captured.
    /// </summary>
    /// <exception cref="ExecutableNotFoundException">the program could not be started.</exception>
    Task<CommandResult> RunLinesAsync(CommandSpec spec, Action<string> onLine, CancellationToken cancellationToken = default);
}
