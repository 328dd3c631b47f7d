namespace SeatGuard.Core.Policy;

/// <summary>The three tiers, as the policy book and the JSON output spell them.</summary>
public static class Tiers
{
    public const string Green = "green";
    public const string Gray = "gray";
    public const string Red = "red";
    public static readonly IReadOnlyList<string> All = [Green, Gray, Red];

    /// <summary>0 green, 1 gray, 2 red: higher is more severe.</summary>
    public static int Severity(string tier) => tier switch { Green => 0, Gray => 1, Red => 2, _ => -1 };
}

/// <summary>The credential a verdict recommends.</summary>
public static class RecommendedCredentials
{
    public const string Subscription = "subscription";
    public const string ApiKey = "api-key";
    public const string Stop = "stop";
    public static readonly IReadOnlyList<string> All = [Subscription, ApiKey, Stop];
}

public sealed record PolicyRule(string Summary, string Detail, IReadOnlyList<string> Sources);

public sealed record PolicyTier(string Id, string Title, string Credential, string Summary);

/// <summary>
/// One question of the framework. <see cref="Concern"/> is the answer ("yes" or "no") that raises a
/// concern; such an answer leads to <see cref="Tier"/> and <see cref="Credential"/>.
/// </summary>
public sealed record PolicyQuestion(
    string Id, string Text, string Why, string Concern, string Tier, string Credential,
    string IfYes, string IfNo, IReadOnlyList<string> Sources)
{
    public bool RaisesConcern(bool answer) => answer == (Concern == "yes");

    public string Implication(bool answer) => answer ? IfYes : IfNo;
}

/// <summary>A named scenario. <see cref="Answers"/> are the five answers it gives, in framework order.</summary>
public sealed record PolicyScenario(
    string Id, string Title, string Tier, string Credential, IReadOnlyList<string> Answers,
    string Why, IReadOnlyList<string> Sources);

public sealed record PolicyEvent(
    string Id, string Date, string Title, string Summary, IReadOnlyList<string> Scenarios, IReadOnlyList<string> Sources);

public sealed record PolicySource(string Id, string Title, string? Url)
{
    /// <summary>How a verdict cites it: the URL when there is one, else the title.</summary>
    public string Citation => Url ?? Title;
}

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
    public PolicyScenario? FindScenario(string id) =>
        Scenarios.FirstOrDefault(s => string.Equals(s.Id, id, StringComparison.OrdinalIgnoreCase));

    public PolicyTier Tier(string id) => Tiers.First(t => t.Id == id);

    /// <summary>Citations for source ids, in order, without duplicates.</summary>
    public IReadOnlyList<string> Cite(IEnumerable<string> sourceIds) =>
        sourceIds.Distinct(StringComparer.Ordinal)
                 .Select(id => Sources.First(s => s.Id == id).Citation)
                 .Distinct(StringComparer.Ordinal)
                 .ToArray();
}
