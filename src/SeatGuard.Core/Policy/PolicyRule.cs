namespace SeatGuard.Core.Policy;

/// <summary>The one rule every verdict rests on, in short and in full, with its sources.</summary>
public sealed record PolicyRule(string Summary, string Detail, IReadOnlyList<string> Sources);
