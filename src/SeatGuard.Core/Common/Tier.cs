using System.Text.Json.Serialization;

namespace SeatGuard.Core.Common;

/// <summary>
/// How much a use of a subscription seat risks it: the one tier vocabulary of the policy book, the scanner,
/// the report and the team view. Ordered: a higher value is worse. JSON and text spell it green, gray, red.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Tier>))]
public enum Tier
{
    [JsonStringEnumMemberName("green")] Green = 0,
    [JsonStringEnumMemberName("gray")] Gray = 1,
    [JsonStringEnumMemberName("red")] Red = 2,
}
