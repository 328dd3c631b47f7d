using System.Text.Json.Serialization;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Policy;

/// <summary>The spellings of <see cref="Recommendation"/>.</summary>
public static class Recommendations
{
    /// <summary>Every spelling, in order.</summary>
    public static readonly IReadOnlyList<string> Names = ["subscription", "api-key", "stop"];

    /// <summary>The recommendation as JSON spells it.</summary>
    public static string Name(this Recommendation r) => r switch { Recommendation.Subscription => "subscription", Recommendation.ApiKey => "api-key", _ => "stop" };

    /// <summary>Parses subscription, api-key or stop.</summary>
    public static Recommendation Parse(string text) => text switch
    {
        "subscription" => Recommendation.Subscription,
        "api-key" => Recommendation.ApiKey,
        "stop" => Recommendation.Stop,
        _ => throw new ArgumentOutOfRangeException(nameof(text), text, "not a recommendation"),
    };

    /// <summary>The launch mode that follows the recommendation, or null for stop.</summary>
    public static Billing? Mode(this Recommendation r) => r switch
    {
        Recommendation.Subscription => Billing.Subscription,
        Recommendation.ApiKey => Billing.ApiKey,
        _ => null,
    };
}
