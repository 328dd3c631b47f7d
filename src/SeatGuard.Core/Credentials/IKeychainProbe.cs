namespace SeatGuard.Core.Credentials;

/// <summary>Presence check for the macOS keychain item <c>Claude Code-credentials</c> (never reads the secret).</summary>
public interface IKeychainProbe
{
    /// <summary>Whether the keychain holds a Claude Code credentials item (its content is never read).</summary>
    bool HasClaudeCodeItem();
}
