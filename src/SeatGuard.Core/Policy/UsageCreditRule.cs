using System.Text.Json.Serialization;

namespace SeatGuard.Core.Policy;

/// <summary>
/// One rule of the policy book's <c>usageCredits</c> section: which models (or, with <see cref="Setting"/>, which
/// mode) bill usage credits on which plans, from the first request or after an allowance, since when, how sure.
/// </summary>
public sealed record UsageCreditRule(
    string Id,
    string Title,
    IReadOnlyList<string> Models,
    IReadOnlyList<string> Plans,
    string Draws,
    string Since,
    string Status,
    string Confidence,
    string? Setting,
    bool Headless,
    string? Note,
    IReadOnlyList<UsageCreditSource> Sources)
{
    /// <summary>Bills usage credits from the first request.</summary>
    public const string FirstRequest = "first-request";
    /// <summary>Bills usage credits only after a separate allowance is spent.</summary>
    public const string AfterAllowance = "after-allowance";
    /// <summary>A rule in force.</summary>
    public const string Active = "active";

    /// <summary>A rule <c>run</c> enforces: active, credits from the first request, verified or reported.</summary>
    [JsonIgnore]
    public bool Enforced => Status == Active && Draws == FirstRequest && Confidence is "verified" or "reported";

    /// <summary>Whether a model name matches one of the rule's patterns (<c>*</c> is any run of characters; case ignored).</summary>
    public bool MatchesModel(string model) => Models.Any(p => Common.Wildcard.Matches(p, model.Trim()));

    /// <summary>How a refusal cites the rule: its id, date, confidence and first source.</summary>
    public string Citation => $"policy book usageCredits '{Id}', since {Since}, {Confidence}" + (Sources.Count > 0 ? "; " + Sources[0].Url : "");
}
