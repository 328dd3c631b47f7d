namespace SeatGuard.Core.Policy;

/// <summary><c>policy history --json</c>: the book's version and its dated events, oldest first.</summary>
public sealed record PolicyHistory(string Version, string Date, IReadOnlyList<PolicyEvent> Events, IReadOnlyList<PolicySource> Sources);
