using System.Text.RegularExpressions;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>Names of the variables that decide billing.</summary>
public static class BillingVariables
{
    public const string ApiKey = "ANTHROPIC_API_KEY";
    public const string AuthToken = "ANTHROPIC_AUTH_TOKEN";
    public const string OAuthToken = "CLAUDE_CODE_OAUTH_TOKEN";
    public const string BaseUrl = "ANTHROPIC_BASE_URL";
    public const string UseBedrock = "CLAUDE_CODE_USE_BEDROCK";
    public const string UseVertex = "CLAUDE_CODE_USE_VERTEX";
    public const string UseFoundry = "CLAUDE_CODE_USE_FOUNDRY";
    public const string OAuthTokenFd = "CLAUDE_CODE_OAUTH_TOKEN_FILE_DESCRIPTOR";
    public const string ApiKeyFd = "CLAUDE_CODE_API_KEY_FILE_DESCRIPTOR";
    public const string Profile = "ANTHROPIC_PROFILE";

    public static readonly string[] CloudFlags = [UseBedrock, UseVertex, UseFoundry];
    public static readonly string[] Secrets = [ApiKey, AuthToken, OAuthToken];
    public static readonly string[] All = [ApiKey, AuthToken, OAuthToken, BaseUrl, UseBedrock, UseVertex, UseFoundry, OAuthTokenFd, ApiKeyFd, Profile];

    public static bool IsSecret(string name) => Secrets.Contains(name);

    public static bool IsTruthy(string? value) =>
        value is not null && (value == "1" || value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("yes", StringComparison.OrdinalIgnoreCase));
}

/// <summary>
/// One definition of a billing variable in one layer. Secrets are kept only as fingerprint and prefix;
/// non-secret values (base URL, provider flags) are kept as they are.
/// </summary>
public sealed record VariableDefinition(string Name, string Source, string? Path, bool NonEmpty, string? Fingerprint, string? Prefix, string? PlainValue)
{
    public string Location => Path is null ? Source : $"{Source} ({Path})";
}

/// <summary>The apiKeyHelper that applies (from the highest-precedence settings file that sets one).</summary>
public sealed record HelperDefinition(string Source, string Path);

/// <summary>How Claude Code's interactive mode treats the effective API key.</summary>
public enum ApiKeyApproval { NotApplicable, Approved, Rejected, NotYetAsked }

/// <summary>
/// Everything Claude Code reads to pick a credential, gathered from one host and directory — without
/// keeping any secret: values are reduced to fingerprints as soon as they are read.
/// </summary>
public sealed record CredentialInventory(
    string ProjectDir,
    string ConfigDir,
    IReadOnlyList<SettingsLayer> Layers,
    IReadOnlyDictionary<string, VariableDefinition> Effective,
    IReadOnlyList<VariableDefinition> Definitions,
    HelperDefinition? Helper,
    LoginCredentialsFile? Login,
    GlobalStateFile GlobalState,
    bool KeychainItemPresent,
    IReadOnlyList<ShellExport> ShellExports,
    string? OAuthTokenProblem,
    ApiKeyApproval ApiKeyApproval)
{
    /// <summary>The effective value of a variable when it is set and non-empty.</summary>
    public VariableDefinition? Active(string name) => Effective.TryGetValue(name, out var d) && d.NonEmpty ? d : null;

    public string? CloudFlag => BillingVariables.CloudFlags.FirstOrDefault(f => Active(f) is { } d && BillingVariables.IsTruthy(d.PlainValue));

    /// <summary>Gathers the inventory for a host, project directory and config directory.</summary>
    /// <param name="extraLayers">Layers given on the command line (<c>--settings</c>), applied above the files.</param>
    public static CredentialInventory Gather(HostContext host, string? configDirOverride = null, IEnumerable<SettingsLayer>? extraLayers = null, IKeychainProbe? keychain = null)
    {
        var projectDir = host.WorkingDirectory;
        var configDir = ClaudePaths.ConfigDir(host, configDirOverride);
        var layers = new List<SettingsLayer>
        {
            SettingsLayer.Read(SettingsScope.User, Path.Combine(configDir, "settings.json")),
            SettingsLayer.Read(SettingsScope.Project, Path.Combine(projectDir, ".claude", "settings.json")),
            SettingsLayer.Read(SettingsScope.Local, Path.Combine(projectDir, ".claude", "settings.local.json")),
        };
        if (extraLayers is not null) layers.AddRange(extraLayers);
        layers.Add(SettingsLayer.Read(SettingsScope.Managed, ClaudePaths.ManagedSettingsFile(host)));

        var effective = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
        var definitions = new List<VariableDefinition>();
        string? apiKeyTail = null;
        string? oauthProblem = null;

        void Define(string name, string value, string source, string? path)
        {
            var secret = BillingVariables.IsSecret(name);
            var def = new VariableDefinition(name, source, path, value.Length > 0,
                secret && value.Length > 0 ? Redactor.Fingerprint(value) : null,
                secret && value.Length > 0 ? Redactor.PublicPrefix(value) : null,
                secret ? null : value);
            definitions.Add(def);
            effective[name] = def;
            if (name == BillingVariables.ApiKey) apiKeyTail = value.Length > 0 ? GlobalStateFile.Tail(value) : null;
            if (name == BillingVariables.OAuthToken) oauthProblem = value.Length > 0 ? OAuthTokenShape.Problem(value) : null;
        }

        foreach (var name in BillingVariables.All)
            if (host.Environment.TryGetValue(name, out var v)) Define(name, v, "env:" + name, null);

        HelperDefinition? helper = null;
        foreach (var layer in layers.Where(l => l.Exists))
        {
            foreach (var name in BillingVariables.All)
                if (layer.Env.TryGetValue(name, out var v)) Define(name, v, layer.Source, layer.Path);
            if (layer.ApiKeyHelper is not null)
                helper = layer.ApiKeyHelper.Length > 0 ? new HelperDefinition(layer.Source, layer.Path) : null;
        }

        var login = LoginCredentialsFile.Read(Path.Combine(configDir, ".credentials.json"));
        var globalState = GlobalStateFile.Read(ClaudePaths.GlobalStateFile(host, configDirOverride));
        var approval = apiKeyTail is null ? ApiKeyApproval.NotApplicable
            : globalState.ApprovedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Approved
            : globalState.RejectedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Rejected
            : ApiKeyApproval.NotYetAsked;
        bool keychainPresent = host.Os == HostOs.MacOS && (keychain?.HasClaudeCodeItem() ?? false);

        return new CredentialInventory(projectDir, configDir, layers, effective, definitions, helper, login, globalState,
            keychainPresent, ShellStartupFiles.FindExports(host), oauthProblem, approval);
    }
}

/// <summary>Presence check for the macOS keychain item <c>Claude Code-credentials</c> (never reads the secret).</summary>
public interface IKeychainProbe
{
    bool HasClaudeCodeItem();
}

/// <summary>What a well-formed setup-token (OAuth access token) looks like, and how a pasted one goes wrong.</summary>
public static partial class OAuthTokenShape
{
    public const string Prefix = "sk-ant-oat01-";

    [GeneratedRegex("^sk-ant-oat01-[A-Za-z0-9_-]{80,120}$")]
    private static partial Regex WellFormed();

    /// <summary>A description of what is wrong with the token, or null when it looks right.</summary>
    public static string? Problem(string token)
    {
        if (WellFormed().IsMatch(token)) return null;
        var trimmed = token.Trim().Trim('"', '\'');
        if (trimmed != token && WellFormed().IsMatch(trimmed)) return "it has surrounding whitespace or quotes";
        if (token.Any(char.IsWhiteSpace)) return "it contains whitespace or a line break (a copy-paste wrapped it)";
        if (token.StartsWith("sk-ant-ort01-", StringComparison.Ordinal)) return "it is a refresh token (sk-ant-ort01-), not an access token";
        if (token.StartsWith("sk-ant-api03-", StringComparison.Ordinal)) return "it is an API key (sk-ant-api03-), which bills the API, not the subscription";
        if (!token.StartsWith(Prefix, StringComparison.Ordinal)) return "it does not start with sk-ant-oat01- as tokens from `claude setup-token` do";
        int body = token.Length - Prefix.Length;
        if (body < 80 || body > 120) return $"its body is {body} characters long, outside the usual 80–120 (truncated?)";
        return "it contains characters that never occur in these tokens";
    }
}
