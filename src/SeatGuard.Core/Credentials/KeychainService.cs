using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The macOS keychain service under which Claude Code keeps the /login credentials, named as Claude Code 2.1.332
/// names it: <c>Claude Code</c>, <c>-custom-oauth</c> when <c>CLAUDE_CODE_CUSTOM_OAUTH_URL</c> is set,
/// <c>-credentials</c>, then — only when <c>CLAUDE_CONFIG_DIR</c> (or <c>CLAUDE_SECURESTORAGE_CONFIG_DIR</c>) is set —
/// a dash and the first 8 hex digits of the SHA-256 of the config directory. So a login made with one
/// <c>CLAUDE_CONFIG_DIR</c> is invisible to runs with another.
/// </summary>
public static class KeychainService
{
    /// <summary>The service name without a custom-OAuth part or config-directory hash: Claude Code's default login item.</summary>
    public const string BaseName = "Claude Code-credentials";

    /// <summary>The keychain service Claude Code uses on <paramref name="host"/> for the config directory <paramref name="configDir"/> (see the type's summary).</summary>
    public static string Name(HostContext host, string configDir)
    {
        var suffix = host.Has("CLAUDE_CODE_CUSTOM_OAUTH_URL") ? "-custom-oauth" : "";
        string? hashed = host.Get("CLAUDE_SECURESTORAGE_CONFIG_DIR") is { } secure
            ? (secure.Length > 0 ? secure : null)
            : host.Has("CLAUDE_CONFIG_DIR") ? configDir : null;
        var hash = hashed is null ? "" : "-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(hashed.Normalize(NormalizationForm.FormC))))[..8];
        return "Claude Code" + suffix + "-credentials" + hash;
    }
}
