namespace SeatGuard.Core.Common.Processes;

/// <summary>The signals SeatGuard sends to a program it launched (POSIX numbers).</summary>
public enum ChildSignal
{
    /// <summary>SIGHUP: the terminal went away.</summary>
    Hangup = 1,
    /// <summary>SIGINT: Ctrl-C (how Claude Code is asked to stop first).</summary>
    Interrupt = 2,
    /// <summary>SIGQUIT.</summary>
    Quit = 3,
    /// <summary>SIGKILL: the last resort.</summary>
    Kill = 9,
    /// <summary>SIGTERM.</summary>
    Terminate = 15,
}
