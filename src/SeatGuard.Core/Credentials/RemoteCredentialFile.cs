namespace SeatGuard.Core.Credentials;

/// <summary>
/// One of the fixed credential files of Claude Code's cloud sessions, <c>/home/claude/.claude/remote/.oauth_token</c>
/// and <c>.api_key</c>: measured on 2.1.330 and 2.1.332, Claude Code reads them on any machine where they exist (the
/// OAuth token beats the /login credentials; the key is sent like <c>ANTHROPIC_API_KEY</c>). Only the fingerprint is kept.
/// </summary>
public sealed record RemoteCredentialFile(string Path, string Fingerprint)
{
    /// <summary>The directory Claude Code's cloud sessions keep these files in.</summary>
    public const string Directory = "/home/claude/.claude/remote";
    /// <summary>The file name of the OAuth token (<c>.oauth_token</c>).</summary>
    public const string OAuthTokenName = ".oauth_token";
    /// <summary>The file name of the API key (<c>.api_key</c>).</summary>
    public const string ApiKeyName = ".api_key";

    /// <summary>The file, as the source of a credential.</summary>
    public CredentialSource Source => CredentialSource.File(Path);
}
