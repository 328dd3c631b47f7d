namespace SeatGuard.Core.Team;

/// <summary>
/// One person in the team report: their machines, their launches by billing source (count and share), launches
/// for someone else, overage events, their own work billed to an API key, and the API-equivalent cost of their
/// usage by the billing source that paid for it.
/// </summary>
public sealed record TeamPerson(
    string Person,
    IReadOnlyList<string> Machines,
    IReadOnlyDictionary<string, int> Launches,
    IReadOnlyDictionary<string, double> LaunchShare,
    int ForOthers,
    int OverageEvents,
    int ApiKeyFallbacks,
    double CostUsd,
    IReadOnlyDictionary<string, double> CostBySource,
    IReadOnlyDictionary<string, double> CostShare,
    long TotalTokens);
