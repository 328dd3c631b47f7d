using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>Names, parsing and the kind → billing mapping.</summary>
public static class BillingNames
{
    /// <summary>The verdict as JSON and options spell it (<c>api-key</c>, <c>cloud-provider</c>, …).</summary>
    public static string Name(this Billing billing) => billing switch
    {
        Billing.Subscription => "subscription",
        Billing.ApiKey => "api-key",
        Billing.Gateway => "gateway",
        Billing.CloudProvider => "cloud-provider",
        Billing.Unknown => "unknown",
        _ => "none",
    };

    /// <summary>The credential kind as JSON spells it (<c>oauth-token</c>, <c>api-key-helper</c>, …).</summary>
    public static string Name(this CredentialKind kind) => kind switch
    {
        CredentialKind.ApiKey => "api-key",
        CredentialKind.ApiKeyHelper => "api-key-helper",
        CredentialKind.AuthToken => "auth-token",
        CredentialKind.OAuthToken => "oauth-token",
        CredentialKind.Login => "login",
        CredentialKind.Cloud => "cloud",
        _ => "none",
    };

    /// <summary>Parses a verdict as <see cref="Name(Billing)"/> spells it; false for anything else.</summary>
    public static bool TryParse(string? text, out Billing billing)
    {
        foreach (var b in Enum.GetValues<Billing>())
        {
            if (string.Equals(b.Name(), text?.Trim(), StringComparison.OrdinalIgnoreCase)) { billing = b; return true; }
        }
        billing = Billing.Unknown;
        return false;
    }

    /// <summary>Parses a credential kind as <see cref="Name(CredentialKind)"/> spells it; false for anything else.</summary>
    public static bool TryParse(string? text, out CredentialKind kind)
    {
        foreach (var k in Enum.GetValues<CredentialKind>())
        {
            if (string.Equals(k.Name(), text?.Trim(), StringComparison.Ordinal)) { kind = k; return true; }
        }
        kind = CredentialKind.None;
        return false;
    }

    /// <summary>Who a credential of this kind bills.</summary>
    public static Billing ForKind(CredentialKind kind) => kind switch
    {
        CredentialKind.ApiKey or CredentialKind.ApiKeyHelper => Billing.ApiKey,
        CredentialKind.AuthToken => Billing.Gateway,
        CredentialKind.OAuthToken or CredentialKind.Login => Billing.Subscription,
        CredentialKind.Cloud => Billing.CloudProvider,
        _ => Billing.None,
    };

    /// <summary>The two modes a launch can ask for.</summary>
    public static bool IsLaunchMode(this Billing billing) => billing is Billing.Subscription or Billing.ApiKey;

    /// <summary>Parses a launch mode (subscription or api-key).</summary>
    public static bool TryParseMode(string? text, out Billing mode) => TryParse(text, out mode) && mode.IsLaunchMode();
}
