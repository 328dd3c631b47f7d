namespace SeatGuard.Cli.Commands;

/// <summary>Bad usage or bad input discovered after parsing: one line on stderr, exit 2.</summary>
public sealed class UsageException(string message) : Exception(message);
