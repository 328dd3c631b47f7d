using System.Text.Json.Serialization;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Policy;

/// <summary>The credential a verdict recommends: the subscription, an API key, or none (stop and restructure).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Recommendation>))]
public enum Recommendation
{
    [JsonStringEnumMemberName("subscription")] Subscription,
    [JsonStringEnumMemberName("api-key")] ApiKey,
    [JsonStringEnumMemberName("stop")] Stop,
}
