namespace SeatGuard.Core.Credentials;

/// <summary>Presence check for Claude Code's macOS keychain item (never reads the secret).</summary>
public interface IKeychainProbe
{
    /// <param name="serviceName">
    /// The item's service name: <c>Claude Code-credentials</c>, with a suffix of the config directory's hash when
    /// <c>CLAUDE_CONFIG_DIR</c> is set (<see cref="KeychainService.Name"/>).
    /// </param>
    bool HasClaudeCodeItem(string serviceName);
}
