using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>The policy book: the rule, tiers, questions, scenarios, dated events and sources.</summary>
public sealed record PolicyBook(
    string Version,
    string Date,
    PolicyRule Rule,
    IReadOnlyList<PolicyTier> Tiers,
    IReadOnlyList<PolicyQuestion> Questions,
    IReadOnlyList<PolicyScenario> Scenarios,
    IReadOnlyList<PolicyEvent> Events,
    IReadOnlyList<PolicySource> Sources,
    IReadOnlyList<string> LoadedFrom)
{
    /// <summary>The scenario with this id (case-insensitive), or null.</summary>
    public PolicyScenario? FindScenario(string id) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    /// <summary>The tier's definition in the book.</summary>
    public PolicyTier Tier(Tier id) => Tiers.First(t => t.Id == id);

    /// <summary>The sources with these ids, in order, without duplicates.</summary>
    public IReadOnlyList<PolicySource> SourcesOf(IEnumerable<string> sourceIds) =>
        sourceIds.Distinct(StringComparer.Ordinal)
                 .Select(id => Sources.First(s => s.Id == id))
                 .DistinctBy(s => s.Url, StringComparer.Ordinal)
                 .ToArray();

    /// <summary>Citations (addresses) for source ids, in order, without duplicates.</summary>
    public IReadOnlyList<string> Cite(IEnumerable<string> sourceIds) => SourcesOf(sourceIds).Select(s => s.Citation).ToArray();

    /// <summary>The book's date as a day.</summary>
    public DateOnly Day => DateOnly.ParseExact(Date, "yyyy-MM-dd");
}
