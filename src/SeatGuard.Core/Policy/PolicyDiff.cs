namespace SeatGuard.Core.Policy;

/// <summary>Compares two policy books: scenarios whose tier or credential changed, scenarios and events added or removed.</summary>
public static class PolicyDiff
{
    public static PolicyChanges Compare(PolicyBook from, PolicyBook to)
    {
        var oldScenarios = from.Scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var newScenarios = to.Scenarios.ToDictionary(s => s.Id, StringComparer.Ordinal);
        var changed = to.Scenarios
            .Where(s => oldScenarios.TryGetValue(s.Id, out var o) && (o.Tier != s.Tier || o.Credential != s.Credential))
            .Select(s => new ScenarioChange(s.Id, s.Title, oldScenarios[s.Id].Tier, s.Tier, oldScenarios[s.Id].Credential, s.Credential))
            .ToArray();
        var oldEvents = from.Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var newEvents = to.Events.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        return new PolicyChanges(
            new PolicyBookId(from.Version, from.Date),
            new PolicyBookId(to.Version, to.Date),
            changed,
            to.Scenarios.Where(s => !oldScenarios.ContainsKey(s.Id)).Select(s => s.Id).ToArray(),
            from.Scenarios.Where(s => !newScenarios.ContainsKey(s.Id)).Select(s => s.Id).ToArray(),
            to.Events.Where(e => !oldEvents.Contains(e.Id)).Select(Summary).ToArray(),
            from.Events.Where(e => !newEvents.Contains(e.Id)).Select(Summary).ToArray());
    }

    private static EventSummary Summary(PolicyEvent e) => new(e.Id, e.Date, e.Title);
}
