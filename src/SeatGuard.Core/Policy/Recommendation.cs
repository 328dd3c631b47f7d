using System.Text.Json.Serialization;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Policy;

/// <summary>The credential a verdict recommends: the subscription, an API key, or none (stop and restructure).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<Recommendation>))]
public enum Recommendation
{
    /// <summary>The subscription may be used.</summary>
    [JsonStringEnumMemberName("subscription")] Subscription,
    /// <summary>An API key is needed.</summary>
    [JsonStringEnumMemberName("api-key")] ApiKey,
    /// <summary>Do not do this.</summary>
    [JsonStringEnumMemberName("stop")] Stop,
}
