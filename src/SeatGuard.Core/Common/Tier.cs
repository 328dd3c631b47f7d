using System.Text.Json.Serialization;

namespace SeatGuard.Core.Common;

/// <summary>
/// How much a use of a subscription seat risks it: the one tier vocabulary of the policy book, the scanner,
/// the report and the team view. Ordered: a higher value is worse. JSON and text spell it green, gray, red.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
public enum Tier
{
    /// <summary>Safe: the use is within a subscription's terms.</summary>
    [JsonStringEnumMemberName("green")] Green = 0,
    /// <summary>Gray: allowed only with care, or better on an API key.</summary>
    [JsonStringEnumMemberName("gray")] Gray = 1,
    /// <summary>Red: the kind of use that gets seats banned.</summary>
    [JsonStringEnumMemberName("red")] Red = 2,
}
