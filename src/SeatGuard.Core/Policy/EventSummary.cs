namespace SeatGuard.Core.Policy;

/// <summary>An event named in a diff.</summary>
public sealed record EventSummary(string Id, string Date, string Title);
