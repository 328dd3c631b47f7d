namespace SeatGuard.Core.Common.Processes;

public sealed record CommandResult(int ExitCode, string StdOut, string StdErr, bool TimedOut);
