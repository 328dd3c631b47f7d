namespace SeatGuard.Core.Team;

/// <summary>The team store cannot be reached or used (exit 1: the sync did not complete; what was committed stays).</summary>
public sealed class TeamStoreException(string message, Exception? inner = null) : Exception(message, inner);
