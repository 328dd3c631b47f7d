using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>How Claude Code is started; the credential it uses can differ between them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<StartMode>))]
public enum StartMode
{
    /// <summary><c>claude -p</c> and scripts (no approval prompt: an API key is always used).</summary>
    [JsonStringEnumMemberName("print")] Print,
    /// <summary>An interactive session: an API key the user declined is skipped; a new one is asked about first.</summary>
    [JsonStringEnumMemberName("interactive")] Interactive,
    /// <summary><c>claude --bare</c> (or <c>CLAUDE_CODE_SIMPLE=1</c>): no OAuth, no keychain, no /login, only an API key, an auth token or a <c>--settings</c> apiKeyHelper.</summary>
    [JsonStringEnumMemberName("bare")] Bare,
}
