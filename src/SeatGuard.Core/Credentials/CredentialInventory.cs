namespace SeatGuard.Core.Credentials;

/// <summary>
/// Everything Claude Code reads to pick a credential, gathered from one host and directory by
/// <see cref="CredentialReader"/> — without keeping any secret: values are reduced to fingerprints as soon as
/// they are read.
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
    /// <summary>The apiKeyHelper of the <c>--settings</c> layer, the only one <c>--bare</c> runs.</summary>
    public HelperDefinition? FlagHelper { get; init; }

    /// <summary>The <c>ant</c> profile Claude Code would consider (explicit or implicit), or null.</summary>
    public AnthropicProfile? Profile { get; init; }

    /// <summary>Workload identity federation configured through variables, or null.</summary>
    public FederationConfig? Federation { get; init; }

    /// <summary>The cloud sessions' fixed OAuth token file, when it exists on this machine.</summary>
    public RemoteCredentialFile? RemoteOAuthToken { get; init; }

    /// <summary>The cloud sessions' fixed API key file, when it exists on this machine.</summary>
    public RemoteCredentialFile? RemoteApiKey { get; init; }

    /// <summary>The login policy of the managed settings (<c>forceLoginMethod</c>, <c>forceLoginOrgUUID</c>, <c>allowedProviders</c>).</summary>
    public LoginPolicy Policy { get; init; } = LoginPolicy.None;

    /// <summary>Credential headers (<c>Authorization</c>, <c>x-api-key</c>) in <c>ANTHROPIC_CUSTOM_HEADERS</c>.</summary>
    public IReadOnlyList<CustomHeader> CustomCredentialHeaders { get; init; } = [];

    /// <summary>The macOS keychain service name Claude Code would look up here.</summary>
    public string KeychainService { get; init; } = Credentials.KeychainService.BaseName;

    /// <summary>The effective value of a variable when it is set and not blank.</summary>
    public VariableDefinition? Active(string name) => Effective.TryGetValue(name, out var d) && d.NonEmpty ? d : null;

    /// <summary>The first provider switch that is on, in Claude Code's order.</summary>
    public string? CloudFlag => BillingVariables.CloudFlags.FirstOrDefault(Truthy);

    /// <summary>A switch variable set to 1, true, yes or on.</summary>
    public bool Truthy(string name) => Active(name) is { } d && BillingVariables.IsTruthy(d.PlainValue);

    /// <summary><c>CLAUDE_CODE_SIMPLE</c> is on (from the environment, user, --settings or managed settings): Claude Code runs as under <c>--bare</c>.</summary>
    public bool SimpleMode => Truthy(BillingVariables.Simple);

    /// <summary>
    /// The Cloud gateway: <c>CLAUDE_CODE_USE_GATEWAY</c> with <c>ANTHROPIC_AUTH_TOKEN</c> and <c>ANTHROPIC_BASE_URL</c>.
    /// Measured: the token is then the only credential sent, above API keys, helpers and provider switches.
    /// </summary>
    public bool GatewayMode => Truthy(BillingVariables.UseGateway) && Active(BillingVariables.AuthToken) is not null && BaseUrl is not null;

    /// <summary>The file-descriptor variable when it holds a descriptor number (Claude Code ignores anything else).</summary>
    public VariableDefinition? Descriptor(string name) =>
        Active(name) is { PlainValue: { } v } d && int.TryParse(v.Trim(), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var fd) && fd >= 0 ? d : null;

    /// <summary>The settings file a source names (the last layer of that scope), or null.</summary>
    public SettingsLayer? LayerOf(CredentialSource source) =>
        source.IsSettings ? Layers.LastOrDefault(l => l.Scope == source.Scope && (source.Path is null || l.Path == source.Path)) : null;

    /// <summary>The effective base URL, when one is set.</summary>
    public string? BaseUrl => Active(BillingVariables.BaseUrl)?.PlainValue;

    /// <summary>Settings files that exist but Claude Code ignores.</summary>
    public IEnumerable<SettingsLayer> IgnoredLayers => Layers.Where(l => l.Exists && l.Error is not null);

    /// <summary>A managed settings file Claude Code cannot read: it then refuses to start.</summary>
    public SettingsLayer? BrokenManagedLayer => Layers.FirstOrDefault(l => l.Scope == SettingsScope.Managed && l.Exists && l.Error is not null && !l.SchemaInvalid);
}
