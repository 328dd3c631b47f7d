namespace SeatGuard.Core.Common.Processes;

/// <summary>How a launched program's standard streams are wired.</summary>
/// <param name="Stdout">Inherited, passed through (and observed), or only observed (SeatGuard prints what stands in for it).</param>
/// <param name="OnStdoutLine">Each complete stdout line (without the newline) when stdout is passed through or observed.</param>
/// <param name="CaptureStderr">Capture stderr instead of passing it through (<see cref="IRunningProcess.CapturedStderr"/>).</param>
/// <param name="CloseStdin">Give the program an empty stdin instead of SeatGuard's own.</param>
public sealed record LaunchStreams(StdoutHandling Stdout, Action<ReadOnlyMemory<byte>>? OnStdoutLine = null, bool CaptureStderr = false, bool CloseStdin = false)
{
    /// <summary>The child inherits SeatGuard's stdin, stdout and stderr; nothing is observed.</summary>
    public static readonly LaunchStreams Inherit = new(StdoutHandling.Inherit);
}
