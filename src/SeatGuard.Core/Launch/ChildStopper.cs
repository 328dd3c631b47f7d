using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Ends a launched program on SeatGuard's behalf: the first signal, then SIGTERM once the grace period passes, then
/// SIGKILL (its whole tree) after another. The first reason given is the one recorded.
/// </summary>
public sealed class ChildStopper(IRunningProcess child, TimeSpan grace, TimeProvider clock)
{
    private int _stopping;

    /// <summary>Why SeatGuard stopped the program (<c>overage</c>, <c>usage-credits</c>, <c>signal:SIGTERM</c>, <c>timeout</c>), or null.</summary>
    public string? Reason { get; private set; }

    /// <summary>Whether a stop has begun.</summary>
    public bool Stopping => _stopping != 0;

    /// <summary>Stops the child once: <paramref name="first"/> now, then SIGTERM and SIGKILL after the grace period each; <paramref name="reason"/> is recorded.</summary>
    public void Stop(string reason, ChildSignal first)
    {
        if (Interlocked.Exchange(ref _stopping, 1) != 0)
        {
            child.Send(first); // a second request (another signal) still reaches the program
            return;
        }
        Reason = reason;
        child.Send(first);
        _ = EscalateAsync(first);
    }

    private async Task EscalateAsync(ChildSignal first)
    {
        try
        {
            if (first != ChildSignal.Terminate && first != ChildSignal.Kill)
            {
                if (await ExitedWithin(grace)) return;
                child.Send(ChildSignal.Terminate);
            }
            if (first == ChildSignal.Kill || await ExitedWithin(grace)) return;
            child.Send(ChildSignal.Kill);
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private async Task<bool> ExitedWithin(TimeSpan wait) =>
        await Task.WhenAny(child.Exited, Task.Delay(wait, clock)) == child.Exited;

    /// <summary>The name a signal is recorded with.</summary>
    public static string SignalName(ChildSignal s) => s switch
    {
        ChildSignal.Interrupt => "SIGINT",
        ChildSignal.Terminate => "SIGTERM",
        ChildSignal.Hangup => "SIGHUP",
        ChildSignal.Quit => "SIGQUIT",
        _ => "SIGKILL",
    };
}
