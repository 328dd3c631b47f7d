namespace SeatGuard.Core.Credentials;

/// <summary>No keychain (every OS but macOS, and tests).</summary>
public sealed class NoKeychain : IKeychainProbe
{
    public static readonly NoKeychain Instance = new();

    public bool HasClaudeCodeItem(string serviceName) => false;
}
