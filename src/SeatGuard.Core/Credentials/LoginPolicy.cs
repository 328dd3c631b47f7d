using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// What an organization's managed settings demand of the login: <c>forceLoginMethod</c> (<c>claudeai</c>,
/// <c>console</c> or <c>gateway</c>; another value is dropped, as Claude Code drops it), <c>forceLoginOrgUUID</c>
/// (one id or a list) and <c>allowedProviders</c>. Claude Code enforces these only from managed settings.
/// </summary>
public sealed record LoginPolicy(string? ForceLoginMethod, IReadOnlyList<string> ForceLoginOrgUuids, IReadOnlyList<string>? AllowedProviders)
{
    /// <summary>No demands: what a machine without managed login settings has.</summary>
    public static readonly LoginPolicy None = new(null, [], null);

    /// <summary>Provider names <c>allowedProviders</c> understands (from Claude Code 2.1.332).</summary>
    public static readonly string[] ProviderNames = ["anthropic", "customEndpoint", "bedrock", "vertex", "foundry", "anthropicAws", "mantle", "gateway"];

    /// <summary>True when the policy demands nothing.</summary>
    public bool IsEmpty => ForceLoginMethod is null && ForceLoginOrgUuids.Count == 0 && AllowedProviders is null;

    /// <summary>Reads the policy from a managed settings object (<c>forceLoginMethod</c>, <c>forceLoginOrgUUID</c>, <c>allowedProviders</c>), dropping values Claude Code would drop.</summary>
    public static LoginPolicy From(JsonObject root)
    {
        string? method = StringOf(root["forceLoginMethod"]) is { } m && m is "claudeai" or "console" or "gateway" ? m : null;
        var orgs = root["forceLoginOrgUUID"] switch
        {
            JsonArray a => a.Select(StringOf).OfType<string>().Where(s => s.Length > 0).ToArray(),
            var n when StringOf(n) is { Length: > 0 } one => [one],
            _ => Array.Empty<string>(),
        };
        IReadOnlyList<string>? providers = root["allowedProviders"] is JsonArray list
            ? list.Select(StringOf).OfType<string>().Where(ProviderNames.Contains).ToArray()
            : null;
        var policy = new LoginPolicy(method, orgs, providers);
        return policy.IsEmpty ? None : policy;
    }

    /// <summary>Several managed files: a later file's value replaces an earlier one's.</summary>
    public LoginPolicy Over(LoginPolicy earlier) => new(ForceLoginMethod ?? earlier.ForceLoginMethod,
        ForceLoginOrgUuids.Count > 0 ? ForceLoginOrgUuids : earlier.ForceLoginOrgUuids, AllowedProviders ?? earlier.AllowedProviders);

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
