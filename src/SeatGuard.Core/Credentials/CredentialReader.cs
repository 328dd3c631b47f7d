using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The one entry point that gathers a <see cref="CredentialInventory"/>: doctor, run, verify, the status line and
/// the session-start hook all ask it, so every one of them sees the same layers — settings at every scope, the
/// command line's <c>--settings</c>, the /login file, the macOS keychain, <c>~/.claude.json</c>, shell startup files.
/// </summary>
public sealed class CredentialReader(IKeychainProbe keychain)
{
    /// <summary>Gathers the inventory for a host's working directory and Claude's config directory.</summary>
    /// <param name="extraLayers">Layers given on the command line (<c>--settings</c>), applied above the files.</param>
    /// <param name="host">The host whose environment, HOME and working directory count.</param>
    /// <param name="configDirOverride">Claude Code's config directory, or null to resolve it as Claude Code does.</param>
    public CredentialInventory Gather(HostContext host, string? configDirOverride = null, IEnumerable<SettingsLayer>? extraLayers = null)
    {
        Redactor.RememberEnvironment(host.Environment);
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

        void Define(string name, string value, CredentialSource source)
        {
            var secret = BillingVariables.IsSecret(name);
            var def = new VariableDefinition(name, source, value.Length > 0,
                secret && value.Length > 0 ? Redactor.Fingerprint(value) : null,
                secret && value.Length > 0 ? Redactor.PublicPrefix(value) : null,
                secret ? null : name == BillingVariables.BaseUrl ? Redactor.RedactUrl(value) : value);
            definitions.Add(def);
            effective[name] = def;
            if (name == BillingVariables.ApiKey) apiKeyTail = value.Length > 0 ? GlobalStateFile.Tail(value) : null;
            if (name == BillingVariables.OAuthToken) oauthProblem = value.Length > 0 ? OAuthTokenShape.Problem(value) : null;
        }

        foreach (var name in BillingVariables.All)
            if (host.Environment.TryGetValue(name, out var v)) Define(name, v, CredentialSource.Env(name));

        HelperDefinition? helper = null;
        foreach (var layer in layers.Where(l => l.Usable))
        {
            foreach (var name in BillingVariables.All)
                if (layer.Env.TryGetValue(name, out var v)) Define(name, v, layer.SourceFor(name));
            if (layer.ApiKeyHelper is not null)
                helper = layer.ApiKeyHelper.Length > 0 ? new HelperDefinition(layer.SourceFor(null)) : null;
        }

        var login = LoginCredentialsFile.Read(Path.Combine(configDir, ".credentials.json"));
        var globalState = GlobalStateFile.Read(ClaudePaths.GlobalStateFile(host, configDirOverride));
        var approval = apiKeyTail is null ? ApiKeyApproval.NotApplicable
            : globalState.ApprovedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Approved
            : globalState.RejectedKeyTails.Contains(apiKeyTail) ? ApiKeyApproval.Rejected
            : ApiKeyApproval.NotYetAsked;
        bool keychainPresent = host.Os == HostOs.MacOS && keychain.HasClaudeCodeItem();

        return new CredentialInventory(projectDir, configDir, layers, effective, definitions, helper, login, globalState,
            keychainPresent, ShellStartupFiles.FindExports(host), oauthProblem, approval);
    }
}
