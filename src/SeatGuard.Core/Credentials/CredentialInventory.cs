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
    /// <summary>The effective value of a variable when it is set and non-empty.</summary>
    public VariableDefinition? Active(string name) => Effective.TryGetValue(name, out var d) && d.NonEmpty ? d : null;

    /// <summary>The cloud-provider switch that is on, if any.</summary>
    public string? CloudFlag => BillingVariables.CloudFlags.FirstOrDefault(f => Active(f) is { } d && BillingVariables.IsTruthy(d.PlainValue));

    /// <summary>The settings file a source names (the last layer of that scope), or null.</summary>
    public SettingsLayer? LayerOf(CredentialSource source) =>
        source.IsSettings ? Layers.LastOrDefault(l => l.Scope == source.Scope) : null;

    /// <summary>The effective base URL, when one is set.</summary>
    public string? BaseUrl => Active(BillingVariables.BaseUrl)?.PlainValue;
}
