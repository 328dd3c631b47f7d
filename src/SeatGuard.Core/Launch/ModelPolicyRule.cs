namespace SeatGuard.Core.Launch;

/// <summary>
/// One rule of a model policy: conditions (all must hold; none means always) and the model to use. Utilisation
/// thresholds are fractions (0.8 = 80 %) of the plan's own windows as last recorded in the ledger.
/// </summary>
public sealed record ModelPolicyRule(
    string Name,
    string Model,
    bool Override,
    IReadOnlyList<string> PromptMatches,
    int? PromptLongerThan,
    double? FiveHourAbove,
    double? SevenDayAbove,
    IReadOnlyList<string> ModelRequested);
