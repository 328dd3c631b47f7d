using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// Who pays for a run: the verdict of doctor and verify, and (subscription or api-key) the mode a launch asks
/// for. One vocabulary, as the CLI contract spells it.
/// </summary>
[JsonConverter(typeof(JsonStringEnumConverter<Billing>))]
public enum Billing
{
    /// <summary>Nothing would be billed: no credential.</summary>
    [JsonStringEnumMemberName("none")] None,
    /// <summary>A Claude Pro/Max/Team subscription (OAuth token or /login).</summary>
    [JsonStringEnumMemberName("subscription")] Subscription,
    /// <summary>Metered Anthropic API billing (an API key or apiKeyHelper).</summary>
    [JsonStringEnumMemberName("api-key")] ApiKey,
    /// <summary>A gateway or proxy (ANTHROPIC_BASE_URL with an auth token): billed by whoever runs it.</summary>
    [JsonStringEnumMemberName("gateway")] Gateway,
    /// <summary>A cloud provider (Bedrock, Vertex AI, Foundry).</summary>
    [JsonStringEnumMemberName("cloud-provider")] CloudProvider,
    /// <summary>Could not be told.</summary>
    [JsonStringEnumMemberName("unknown")] Unknown,
}
