namespace SeatGuard.Core.Credentials;

/// <summary>No keychain (every OS but macOS, and tests).</summary>
public sealed class NoKeychain : IKeychainProbe
{
    /// <summary>The one instance.</summary>
    public static readonly NoKeychain Instance = new();

    /// <inheritdoc />
    public bool HasClaudeCodeItem() => false;
}
