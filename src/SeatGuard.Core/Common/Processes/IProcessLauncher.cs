namespace SeatGuard.Core.Common.Processes;

/// <summary>
/// Starts a program with the user's terminal: stdin and stderr passed through untouched (or stdin closed and stderr
/// captured, <see cref="LaunchStreams"/>), stdout inherited, passed through byte for byte or only observed line by
/// line. While the program runs, the signals SeatGuard receives are caught (never a crash, never an exit before the
/// child is handled and the launch recorded) and reported through <see cref="IRunningProcess.SignalReceived"/>.
/// </summary>
public interface IProcessLauncher
{
    /// <summary>Where output that stands in for the child's own goes (the stream passed-through stdout goes to).</summary>
    Stream Stdout { get; }

    /// <summary>SeatGuard's own stdin, for the few times SeatGuard answers a caller itself instead of a child (the shim's refusal).</summary>
    Stream Stdin => Stream.Null;

    /// <summary>SeatGuard's stderr as bytes, for output that stands in for the child's own stderr.</summary>
    Stream Stderr => Stream.Null;

    /// <summary>Whether SeatGuard's own stdout and stderr are terminals (Claude Code's text mode looks at both).</summary>
    bool StdoutIsTerminal => false;

    /// <summary>Whether SeatGuard's own stderr is a terminal.</summary>
    bool StderrIsTerminal => false;

    /// <exception cref="ExecutableNotFoundException">the program could not be started.</exception>
    IRunningProcess Start(CommandSpec spec, LaunchStreams streams);
}
