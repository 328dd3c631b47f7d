using System.Security.Cryptography;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// One credential environment of <c>doctor --probe --matrix</c>: a temporary HOME and project, the exact environment
/// the real claude gets, its extra arguments and file descriptors, and the fake credentials planted in it (built at
/// run time from random bytes, worthless, removed with the directory). Nothing here reads or writes the user's own
/// files or variables.
/// </summary>
public sealed class MatrixSandbox : IDisposable
{
    private const string Alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-";
    private readonly Dictionary<string, (string Value, CredentialKind Kind)> _tokens = new(StringComparer.Ordinal);

    /// <summary>The environment's temporary directory; deleted by <see cref="Dispose"/>.</summary>
    public string Root { get; }
    /// <summary>The temporary HOME claude runs with (<c>home</c> under <see cref="Root"/>).</summary>
    public string Home => Path.Combine(Root, "home");
    /// <summary>The temporary project directory claude runs in (<c>project</c> under <see cref="Root"/>).</summary>
    public string Project => Path.Combine(Root, "project");
    /// <summary>The base URL claude is pointed at (the probe's local listener).</summary>
    public string BaseUrl { get; }
    /// <summary>The operating system the environment imitates (decides, for example, where the login is kept).</summary>
    public HostOs Os { get; }

    /// <summary>The claude process's whole environment (nothing is inherited).</summary>
    public Dictionary<string, string> Env { get; } = new(StringComparer.Ordinal);

    /// <summary>Extra arguments for claude (e.g. <c>--bare</c>).</summary>
    public List<string> Args { get; } = [];

    /// <summary>Settings merged into the run's <c>--settings</c> layer (its <c>env</c> already pins the base URL).</summary>
    public JsonObject Flag { get; }

    /// <summary>Files opened read-only as file descriptors 3, 4, … of the claude process.</summary>
    public SortedDictionary<int, string> Descriptors { get; } = [];

    /// <summary>Creates the environment's directories under <paramref name="parent"/> and its starting environment (PATH, HOME, LANG).</summary>
    /// <param name="parent">The directory the environment's own directory is created in.</param>
    /// <param name="name">The environment's directory name.</param>
    /// <param name="baseUrl">The base URL claude is pointed at.</param>
    /// <param name="path">The PATH claude gets.</param>
    /// <param name="os">The operating system the environment imitates.</param>
    public MatrixSandbox(string parent, string name, string baseUrl, string path, HostOs os)
    {
        Root = Path.Combine(parent, name);
        Directory.CreateDirectory(Home);
        Directory.CreateDirectory(Project);
        BaseUrl = baseUrl;
        Os = os;
        Env["PATH"] = path;
        Env["HOME"] = Home;
        Env["LANG"] = "C.UTF-8";
        // On macOS Claude Code would look up the keychain item of the default config dir — the user's own login.
        // A set CLAUDE_CONFIG_DIR gives the item a hashed name no real login has (see KeychainService).
        if (os == HostOs.MacOS) Env["CLAUDE_CONFIG_DIR"] = ConfigDir;
        Flag = new JsonObject { ["env"] = new JsonObject { [BillingVariables.BaseUrl] = baseUrl }, ["disableAllHooks"] = true };
    }

    /// <summary>Claude Code's config directory for this environment: <c>CLAUDE_CONFIG_DIR</c> when set (relative to the project), else <c>.claude</c> under <see cref="Home"/>.</summary>
    public string ConfigDir => Env.TryGetValue("CLAUDE_CONFIG_DIR", out var dir) ? Path.GetFullPath(dir, Project) : Path.Combine(Home, ".claude");

    /// <summary>A fake credential of <paramref name="kind"/>, the same one for the same label.</summary>
    public string Token(string label, CredentialKind kind)
    {
        if (_tokens.TryGetValue(label, out var t)) return t.Value;
        string value = kind switch
        {
            CredentialKind.ApiKey or CredentialKind.ApiKeyHelper => TokenShapes.ApiKeyPrefix + Body(93) + "AA",
            CredentialKind.AuthToken => "gw-" + Body(40),
            _ => TokenShapes.OAuthAccessPrefix + Body(95),
        };
        _tokens[label] = (value, kind);
        return value;
    }

    /// <summary>Fingerprint → kind of every credential planted here.</summary>
    public IReadOnlyDictionary<string, CredentialKind> Planted =>
        _tokens.Values.GroupBy(t => Redactor.Fingerprint(t.Value)).ToDictionary(g => g.Key, g => g.Last().Kind, StringComparer.Ordinal);

    /// <summary>A fake API key for <paramref name="label"/> (see <see cref="Token"/>).</summary>
    public string Key(string label = "KEY") => Token(label, CredentialKind.ApiKey);
    /// <summary>A fake OAuth token for <paramref name="label"/> (see <see cref="Token"/>).</summary>
    public string OAuth(string label = "OAUTH") => Token(label, CredentialKind.OAuthToken);
    /// <summary>A fake gateway auth token for <paramref name="label"/> (see <see cref="Token"/>).</summary>
    public string Auth(string label = "AUTH") => Token(label, CredentialKind.AuthToken);
    /// <summary>A fake API key, as printed by an apiKeyHelper, for <paramref name="label"/> (see <see cref="Token"/>).</summary>
    public string HelperKey(string label = "HELPER") => Token(label, CredentialKind.ApiKeyHelper);

    /// <summary>Sets the environment variable <paramref name="name"/> for claude; returns this sandbox.</summary>
    public MatrixSandbox Set(string name, string value) { Env[name] = value; return this; }

    /// <summary>Writes user settings (<c>settings.json</c> in <see cref="ConfigDir"/>), given as JSON text or a JsonNode; returns the file's path.</summary>
    public string UserSettings(object json) => Write(Path.Combine(ConfigDir, "settings.json"), Json(json));
    /// <summary>Writes project settings (<c>.claude/settings.json</c> in <see cref="Project"/>), given as JSON text or a JsonNode; returns the file's path.</summary>
    public string ProjectSettings(object json) => Write(Path.Combine(Project, ".claude", "settings.json"), Json(json));
    /// <summary>Writes local project settings (<c>.claude/settings.local.json</c> in <see cref="Project"/>), given as JSON text or a JsonNode; returns the file's path.</summary>
    public string LocalSettings(object json) => Write(Path.Combine(Project, ".claude", "settings.local.json"), Json(json));

    /// <summary>A settings object whose <c>env</c> sets one variable: <c>{"env": {name: value}}</c>.</summary>
    public static JsonObject EnvBlock(string name, string value) => new() { ["env"] = new JsonObject { [name] = value } };

    /// <summary>A /login credentials file (mode 0600) whose access token is planted as a login.</summary>
    public string Login(string label = "LOGIN", IEnumerable<string>? scopes = null, DateTimeOffset? expires = null, string? directory = null)
    {
        var token = Token(label, CredentialKind.Login);
        var json = new JsonObject
        {
            ["claudeAiOauth"] = new JsonObject
            {
                ["accessToken"] = token,
                ["refreshToken"] = RefreshToken(),
                ["expiresAt"] = (expires ?? DateTimeOffset.UtcNow.AddDays(7)).ToUnixTimeMilliseconds(),
                ["scopes"] = new JsonArray((scopes ?? ["user:inference", "user:profile"]).Select(s => (JsonNode?)s).ToArray()),
                ["subscriptionType"] = "max",
            },
        };
        return LoginText(json.ToJsonString(), directory);
    }

    /// <summary>Writes <paramref name="text"/> as a /login credentials file (mode 0600) in <paramref name="directory"/> (default <see cref="ConfigDir"/>); returns its path.</summary>
    public string LoginText(string text, string? directory = null)
    {
        var path = Write(Path.Combine(directory ?? ConfigDir, ".credentials.json"), text);
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        return path;
    }

    /// <summary>Claude Code's global state file (where a Console-managed key lives), wherever it is for this environment.</summary>
    public string GlobalState(object json) =>
        Write(Env.ContainsKey("CLAUDE_CONFIG_DIR") ? Path.Combine(ConfigDir, ".claude.json") : Path.Combine(Home, ".claude.json"), Json(json));

    /// <summary>An <c>ant</c> profile with a user_oauth login whose token is planted as a profile.</summary>
    public void Profile(string name, string label = "PROFILE", bool active = false)
    {
        var dir = Path.Combine(Home, ".config", "anthropic");
        Write(Path.Combine(dir, "configs", name + ".json"), """{"authentication":{"type":"user_oauth"}}""");
        var creds = new JsonObject
        {
            ["access_token"] = Token(label, CredentialKind.Profile),
            ["organization_uuid"] = "00000000-0000-4000-8000-0000000000aa",
            ["account_email"] = "matrix@example.invalid",
            ["created_by"] = "claude-code",
        };
        var path = Write(Path.Combine(dir, "credentials", name + ".json"), creds.ToJsonString());
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        if (active) Write(Path.Combine(dir, "active_config"), name + "\n");
    }

    /// <summary>An <c>ant</c> profile that federates: an <c>oidc_federation</c> config whose identity token is in a file.</summary>
    public void FederationProfile(string name, bool active = false)
    {
        var dir = Path.Combine(Home, ".config", "anthropic");
        var idToken = Write(Path.Combine(Root, "identity-token.jwt"), IdentityToken());
        var config = new JsonObject
        {
            ["organization_id"] = "00000000-0000-4000-8000-0000000000bb",
            ["authentication"] = new JsonObject
            {
                ["type"] = "oidc_federation",
                ["federation_rule_id"] = "fdrl_matrix",
                ["identity_token"] = new JsonObject { ["source"] = "file", ["path"] = idToken },
            },
        };
        Write(Path.Combine(dir, "configs", name + ".json"), config.ToJsonString());
        if (active) Write(Path.Combine(dir, "active_config"), name + "\n");
    }

    /// <summary>A fake OAuth refresh token.</summary>
    public static string RefreshToken() => TokenShapes.OAuthRefreshPrefix + Body(95);

    /// <summary>A well-formed, unsigned OIDC identity token (a JWT) valid for an hour: what a workload's identity provider would issue.</summary>
    public static string IdentityToken()
    {
        static string B64(string json) => Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var claims = $$"""{"iss":"https://idp.invalid","sub":"seatguard-matrix","aud":"https://api.anthropic.com","iat":{{now}},"exp":{{now + 3600}}}""";
        return B64("""{"alg":"RS256","typ":"JWT"}""") + "." + B64(claims) + "." + Body(43);
    }

    /// <summary>
    /// The program and arguments that start <paramref name="claude"/> with this environment's descriptors open:
    /// claude itself, or <c>sh -c 'exec 3&lt;"$1"; shift 1; exec "$@"' sh FILE claude ARGS…</c>.
    /// </summary>
    public (string File, List<string> Args) Command(string claude, IEnumerable<string> args)
    {
        if (Descriptors.Count == 0) return (claude, args.ToList());
        var opens = string.Join("; ", Descriptors.Keys.Select((fd, i) => $"exec {fd}<\"${i + 1}\""));
        return ("/bin/sh", ["-c", $"{opens}; shift {Descriptors.Count}; exec \"$@\"", "sh", .. Descriptors.Values, claude, .. args]);
    }

    /// <summary>A file whose content claude reads on descriptor <paramref name="fd"/>.</summary>
    public void Descriptor(int fd, string content) => Descriptors[fd] = Write(Path.Combine(Root, $"fd-{fd}"), content);

    /// <summary>Writes <paramref name="text"/> to <paramref name="path"/>, creating its directory; returns the path.</summary>
    public string Write(string path, string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    private static string Json(object json) => json switch
    {
        string s => s,
        JsonNode n => n.ToJsonString(),
        _ => throw new ArgumentException("settings are given as JSON text or a JsonNode", nameof(json)),
    };

    private static string Body(int length)
    {
        Span<char> chars = stackalloc char[length];
        for (int i = 0; i < length; i++) chars[i] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        return new string(chars);
    }

    /// <summary>Deletes the environment's directory (<see cref="Root"/>) and everything planted in it.</summary>
    public void Dispose()
    {
        try { Directory.Delete(Root, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
