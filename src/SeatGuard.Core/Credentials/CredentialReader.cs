using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The one entry point that gathers a <see cref="CredentialInventory"/>: doctor, run, verify, the status line and
/// the session-start hook all ask it, so every one of them sees the same layers — the environment, settings at every
/// scope (managed drop-ins included), the command line's <c>--settings</c>, the /login file, the macOS keychain,
/// <c>~/.claude.json</c>, <c>ant</c> profiles, federation, the cloud sessions' fixed files, shell startup files.
/// </summary>
public sealed class CredentialReader(IKeychainProbe keychain)
{
    /// <summary>Gathers the inventory for a host's working directory and Claude's config directory.</summary>
    /// <param name="extraLayers">Layers given on the command line (<c>--settings</c>), applied above the files.</param>
    /// <param name="host">The host whose environment, HOME and working directory count.</param>
    /// <param name="configDirOverride">Claude Code's config directory, or null to resolve it as Claude Code does.</param>
    /// <param name="fileScopes">The settings files claude is told to read (<c>--setting-sources</c>, <c>--restricted</c>); null: all.</param>
    public CredentialInventory Gather(HostContext host, string? configDirOverride = null, IEnumerable<SettingsLayer>? extraLayers = null,
        IReadOnlySet<SettingsScope>? fileScopes = null)
    {
        Redactor.RememberEnvironment(host.Environment);
        var projectDir = host.WorkingDirectory;
        var configDir = ClaudePaths.ConfigDir(host, configDirOverride);
        SettingsLayer File(SettingsScope scope, string path) =>
            fileScopes is null || fileScopes.Contains(scope) ? SettingsLayer.Read(scope, path) : SettingsLayer.Missing(scope, path);
        var layers = new List<SettingsLayer>
        {
            File(SettingsScope.User, Path.Combine(configDir, "settings.json")),
            File(SettingsScope.Project, Path.Combine(projectDir, ".claude", "settings.json")),
            File(SettingsScope.Local, Path.Combine(projectDir, ".claude", "settings.local.json")),
        };
        if (extraLayers is not null) layers.AddRange(extraLayers);
        foreach (var managed in ClaudePaths.ManagedSettingsFiles(host)) layers.Add(SettingsLayer.Read(SettingsScope.Managed, managed));

        var effective = new Dictionary<string, VariableDefinition>(StringComparer.Ordinal);
        var definitions = new List<VariableDefinition>();

        void Define(string name, string value, CredentialSource source)
        {
            var def = VariableDefinition.Of(name, value, source);
            definitions.Add(def);
            effective[name] = def;
        }

        foreach (var name in BillingVariables.All)
            if (host.Environment.TryGetValue(name, out var v)) Define(name, v, CredentialSource.Env(name));

        HelperDefinition? helper = null, flagHelper = null;
        var policy = LoginPolicy.None;
        foreach (var layer in layers.Where(l => l.Usable))
        {
            foreach (var name in BillingVariables.All)
                if (layer.Env.TryGetValue(name, out var v) && BillingVariables.SettableFrom(name, layer.Scope)) Define(name, v, layer.SourceFor(name));
            if (layer.ApiKeyHelper is not null)
            {
                helper = layer.ApiKeyHelper.Length > 0 ? new HelperDefinition(layer.SourceFor(null), HelperDefinition.Inspect(layer.ApiKeyHelper, host)) : null;
                if (layer.Scope == SettingsScope.Flag) flagHelper = helper;
            }
            if (layer.Scope == SettingsScope.Managed) policy = layer.Policy.Over(policy);
        }

        string? apiKeyTail = effective.TryGetValue(BillingVariables.ApiKey, out var keyDef) && keyDef.NonEmpty ? keyDef.Tail : null;
        string? oauthProblem = effective.TryGetValue(BillingVariables.OAuthToken, out var oauthDef) && oauthDef.NonEmpty ? oauthDef.ShapeProblem : null;

        var login = LoginCredentialsFile.Read(Path.Combine(configDir, ".credentials.json"));
        var globalState = GlobalStateFile.Read(ClaudePaths.GlobalStateFile(host, configDirOverride));
        var approval = apiKeyTail is null ? ApiKeyApproval.NotApplicable
            : globalState.ApprovedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Approved
            : globalState.RejectedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Rejected
            : ApiKeyApproval.NotYetAsked;
        var keychainService = KeychainService.Name(host, configDir);
        bool keychainPresent = host.Os == HostOs.MacOS && keychain.HasClaudeCodeItem(keychainService);

        string? Plain(string name) => effective.TryGetValue(name, out var d) && d.NonEmpty ? d.PlainValue : null;
        var profile = AnthropicProfile.Read(host, Plain(BillingVariables.Profile));

        return new CredentialInventory(projectDir, configDir, layers, effective, definitions, helper, login, globalState,
            keychainPresent, ShellStartupFiles.FindExports(host), oauthProblem, approval)
        {
            FlagHelper = flagHelper,
            Profile = profile,
            Federation = Federation(host, effective),
            RemoteOAuthToken = Remote(host, RemoteCredentialFile.OAuthTokenName),
            RemoteApiKey = Remote(host, RemoteCredentialFile.ApiKeyName),
            Policy = policy,
            CustomCredentialHeaders = effective.TryGetValue(BillingVariables.CustomHeaders, out var headers) ? headers.CustomHeaders : [],
            KeychainService = keychainService,
        };
    }

    private static FederationConfig? Federation(HostContext host, Dictionary<string, VariableDefinition> effective)
    {
        if (!(effective.TryGetValue(BillingVariables.FederationRuleId, out var rule) && rule.NonEmpty
              && effective.TryGetValue(BillingVariables.OrganizationId, out var org) && org.NonEmpty))
            return null;
        if (effective.TryGetValue(BillingVariables.IdentityToken, out var token) && token.NonEmpty)
            return new FederationConfig(rule.Source, true, null);
        if (effective.TryGetValue(BillingVariables.IdentityTokenFile, out var file) && file.PlainValue is { Length: > 0 } path)
        {
            var full = Path.GetFullPath(path, host.WorkingDirectory);
            bool readable;
            try { readable = SafeFile.ReadAllBytes(full, SafeFile.ConfigLimit) is { Length: > 0 }; }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { readable = false; }
            return new FederationConfig(rule.Source, readable, full);
        }
        return new FederationConfig(rule.Source, false, null);
    }

    private static RemoteCredentialFile? Remote(HostContext host, string name)
    {
        if (host.Os == HostOs.Windows) return null;
        var path = Path.Combine(RemoteCredentialFile.Directory, name);
        try
        {
            var text = SafeFile.ReadAllText(path, SafeFile.ConfigLimit)?.Trim();
            return text is { Length: > 0 } ? new RemoteCredentialFile(path, Redactor.Fingerprint(text)) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
