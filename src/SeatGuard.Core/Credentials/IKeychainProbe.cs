namespace SeatGuard.Core.Credentials;

/// <summary>Presence check for the macOS keychain item <c>Claude Code-credentials</c> (never reads the secret).</summary>
public interface IKeychainProbe
{
    bool HasClaudeCodeItem();
}
