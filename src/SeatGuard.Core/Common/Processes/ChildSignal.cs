namespace SeatGuard.Core.Common.Processes;

/// <summary>The signals SeatGuard sends to a program it launched (POSIX numbers).</summary>
public enum ChildSignal
{
    Hangup = 1,
    Interrupt = 2,
    Quit = 3,
    Kill = 9,
    Terminate = 15,
}
