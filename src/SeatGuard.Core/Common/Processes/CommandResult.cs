namespace SeatGuard.Core.Common.Processes;

/// <summary>How a captured run ended.</summary>
/// <param name="ExitCode">The program's exit code.</param>
/// <param name="StdOut">Everything it wrote to stdout (empty for line-by-line runs).</param>
/// <param name="StdErr">Everything it wrote to stderr.</param>
/// <param name="TimedOut">Whether it was killed for exceeding its timeout.</param>
public sealed record CommandResult(int ExitCode, string StdOut, string StdErr, bool TimedOut);
