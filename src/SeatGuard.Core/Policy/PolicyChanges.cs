namespace SeatGuard.Core.Policy;

/// <summary>What one policy book changes against another (<c>policy diff</c>).</summary>
public sealed record PolicyChanges(
    PolicyBookId From,
    PolicyBookId To,
    IReadOnlyList<ScenarioChange> ChangedScenarios,
    IReadOnlyList<string> AddedScenarios,
    IReadOnlyList<string> RemovedScenarios,
    IReadOnlyList<EventSummary> AddedEvents,
    IReadOnlyList<EventSummary> RemovedEvents)
{
    public bool Any => ChangedScenarios.Count + AddedScenarios.Count + RemovedScenarios.Count + AddedEvents.Count + RemovedEvents.Count > 0;
}
