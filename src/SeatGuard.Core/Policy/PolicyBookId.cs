namespace SeatGuard.Core.Policy;

/// <summary>A book by its version and date.</summary>
public sealed record PolicyBookId(string Version, string Date);
