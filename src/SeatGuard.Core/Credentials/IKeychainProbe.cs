namespace SeatGuard.Core.Credentials;

/// <summary>Presence check for Claude Code's macOS keychain item (never reads the secret).</summary>
public interface IKeychainProbe
{
    /// <summary>Whether the keychain holds the Claude Code credentials item of that service name (its content is never read).</summary>
    /// <param name="serviceName">
    /// The item's service name: <c>Claude Code-credentials</c>, with a suffix of the config directory's hash when
    /// <c>CLAUDE_CONFIG_DIR</c> is set (<see cref="KeychainService.Name"/>).
    /// </param>
    bool HasClaudeCodeItem(string serviceName);
}
