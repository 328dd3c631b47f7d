using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// Who pays for a run: the verdict of doctor and verify, and (subscription or api-key) the mode a launch asks
/// for. One vocabulary, as the CLI contract spells it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Billing>))]
public enum Billing
{
    [JsonStringEnumMemberName("none")] None,
    [JsonStringEnumMemberName("subscription")] Subscription,
    [JsonStringEnumMemberName("api-key")] ApiKey,
    [JsonStringEnumMemberName("gateway")] Gateway,
    [JsonStringEnumMemberName("cloud-provider")] CloudProvider,
    [JsonStringEnumMemberName("unknown")] Unknown,
}
