using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// An <c>ant</c> profile (the Claude Platform CLI's login, shared with Claude Code): <c>configs/&lt;name&gt;.json</c>
/// and <c>credentials/&lt;name&gt;.json</c> under <c>$ANTHROPIC_CONFIG_DIR</c>, else <c>$XDG_CONFIG_HOME/anthropic</c>,
/// else <c>~/.config/anthropic</c>. The profile is <c>ANTHROPIC_PROFILE</c> (explicit), else the name in
/// <c>active_config</c>, else <c>default</c> (implicit). Measured on 2.1.330 and 2.1.332: a usable explicit profile
/// ranks above the /login credentials (and hides them); an implicit <c>user_oauth</c> one only counts when there is no
/// /login, an implicit <c>oidc_federation</c> one federates before /login; a
/// <c>user_oauth</c> profile sends its <c>access_token</c> as an OAuth bearer without subscription rate limits
/// (the organization's API account pays); an <c>oidc_federation</c> profile federates like the environment variables.
/// </summary>
public sealed record AnthropicProfile(
    string Name,
    bool Explicit,
    string Directory,
    string? Type,
    string? AccessTokenFingerprint,
    bool CredentialsEmpty,
    string? IdentityTokenPath)
{
    /// <summary>
    /// The credentials file can be read by other users. Measured on 2.1.330: Claude Code then still picks the
    /// profile (ahead of /login) but cannot use it — it retries and sends nothing.
    /// </summary>
    public bool CredentialsExposed { get; init; }

    /// <summary>The profile's config file: <c>configs/NAME.json</c> in <see cref="Directory"/>.</summary>
    public string ConfigPath => Path.Combine(Directory, "configs", Name + ".json");
    /// <summary>The profile's credentials file: <c>credentials/NAME.json</c> in <see cref="Directory"/>.</summary>
    public string CredentialsPath => Path.Combine(Directory, "credentials", Name + ".json");

    /// <summary>A profile Claude Code uses: a user_oauth profile with a credentials file, or an oidc_federation profile.</summary>
    public bool Usable => Type == "oidc_federation" || Type == "user_oauth" && (AccessTokenFingerprint is not null || CredentialsEmpty);

    /// <summary>Claude Code picks it but cannot send anything (an empty access_token, a file others can read): measured, it hangs and sends nothing.</summary>
    public bool Broken => Type == "user_oauth" && (AccessTokenFingerprint is null && CredentialsEmpty || CredentialsExposed);

    /// <summary>Why a picked profile sends nothing, in words.</summary>
    public string? BrokenReason => !Broken ? null
        : CredentialsExposed ? $"{CredentialsPath} can be read by other users (Claude Code wants mode 600)"
        : $"{CredentialsPath} has an empty access_token";

    /// <summary>The kind of credential the profile gives: <see cref="CredentialKind.Federation"/> for an oidc_federation profile, else <see cref="CredentialKind.Profile"/>.</summary>
    public CredentialKind Kind => Type == "oidc_federation" ? CredentialKind.Federation : CredentialKind.Profile;

    /// <summary>The directory profiles live in for this host.</summary>
    public static string DirectoryFor(HostContext host) =>
        host.Get(BillingVariables.AnthropicConfigDir) is { Length: > 0 } dir ? Path.GetFullPath(dir, host.WorkingDirectory)
        : host.Get("XDG_CONFIG_HOME") is { Length: > 0 } xdg ? Path.Combine(Path.GetFullPath(xdg, host.WorkingDirectory), "anthropic")
        : Path.Combine(host.Home, ".config", "anthropic");

    /// <summary>The profile Claude Code would consider, or null when there is no config for it.</summary>
    /// <param name="explicitName">The effective <c>ANTHROPIC_PROFILE</c> (trimmed), or null.</param>
    /// <param name="host">The machine whose environment and files are read.</param>
    public static AnthropicProfile? Read(HostContext host, string? explicitName)
    {
        var dir = DirectoryFor(host);
        string name;
        bool isExplicit = !string.IsNullOrWhiteSpace(explicitName);
        if (isExplicit) name = explicitName!.Trim();
        else name = ReadText(Path.Combine(dir, "active_config"))?.Trim() is { Length: > 0 } active ? active : "default";
        if (name.IndexOfAny(['/', '\\']) >= 0 || name is "." or "..") return null;

        var config = ReadObject(Path.Combine(dir, "configs", name + ".json"));
        if (config is null) return null;
        var auth = config["authentication"] as JsonObject;
        string? type = Str(auth?["type"]);
        string? fingerprint = null;
        bool empty = false;
        string? identityPath = null;
        bool exposed = false;
        var credsPath = Path.Combine(dir, "credentials", name + ".json");
        if (type == "user_oauth" && ReadObject(credsPath) is { } creds)
        {
            try
            {
                exposed = !OperatingSystem.IsWindows() && (File.GetUnixFileMode(credsPath) & (UnixFileMode.GroupRead | UnixFileMode.OtherRead | UnixFileMode.GroupWrite | UnixFileMode.OtherWrite)) != 0;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                exposed = false;
            }
            if (Str(creds["access_token"]) is { } token)
            {
                if (token.Trim().Length > 0) fingerprint = Redactor.Fingerprint(token.Trim());
                else empty = true;
            }
        }
        if (type == "oidc_federation" && auth?["identity_token"] is JsonObject identity) identityPath = Str(identity["path"]);
        return new AnthropicProfile(name, isExplicit, dir, type, fingerprint, empty, identityPath) { CredentialsExposed = exposed && fingerprint is not null };
    }

    private static string? ReadText(string path)
    {
        try
        {
            return SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit) is { } b ? System.Text.Encoding.UTF8.GetString(b) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static JsonObject? ReadObject(string path)
    {
        try
        {
            return SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit) is { } b ? ClaudeJson.ParseObject(b, out _) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    private static string? Str(JsonNode? node) => node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;
}
