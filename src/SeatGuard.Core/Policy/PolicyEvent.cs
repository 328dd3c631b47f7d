namespace SeatGuard.Core.Policy;

/// <summary>A dated change of Anthropic's policy or its enforcement, with the scenarios it touches and its sources.</summary>
public sealed record PolicyEvent(
    string Id, string Date, string Title, string Summary, IReadOnlyList<string> Scenarios, IReadOnlyList<string> Sources);
