namespace SeatGuard.Core.Credentials;

/// <summary>The apiKeyHelper that applies (from the highest-precedence settings file that sets one). Holds where, never the command.</summary>
public sealed record HelperDefinition(CredentialSource Source)
{
    /// <summary>The settings file that defines the helper.</summary>
    public string Path => Source.Path ?? Source.ToString();
}
