using System.Text.Json;
using System.Text.Json.Serialization;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// Where a credential comes from: a process environment variable, a settings file of one scope (its <c>env</c>
/// block or its <c>apiKeyHelper</c>), a file such as <c>.credentials.json</c>, or the macOS keychain. The CLI
/// contract writes it as one string — <c>env:ANTHROPIC_API_KEY</c>, <c>settings:project</c>, <c>file:/path</c>,
/// <c>keychain</c>, <c>none</c> — which is what <see cref="ToString"/> gives and JSON holds.
/// </summary>
[JsonConverter(typeof(CredentialSourceJsonConverter))]
public sealed record CredentialSource(SourceKind Kind, SettingsScope? Scope = null, string? Variable = null, string? Path = null)
{
    /// <summary>No source.</summary>
    public static readonly CredentialSource None = new(SourceKind.None);
    /// <summary>The macOS keychain.</summary>
    public static readonly CredentialSource Keychain = new(SourceKind.Keychain);

    /// <summary>An environment variable.</summary>
    public static CredentialSource Env(string variable) => new(SourceKind.Environment, Variable: variable);

    /// <summary>A settings file of this scope, optionally naming its path and the variable in its <c>env</c>.</summary>
    public static CredentialSource Settings(SettingsScope scope, string? path = null, string? variable = null) => new(SourceKind.Settings, scope, variable, path);

    /// <summary>A file (e.g. <c>~/.claude/.credentials.json</c>).</summary>
    public static CredentialSource File(string path) => new(SourceKind.File, Path: path);

    /// <summary>From an environment variable.</summary>
    public bool IsEnvironment => Kind == SourceKind.Environment;
    /// <summary>From a file.</summary>
    public bool IsFile => Kind == SourceKind.File;
    /// <summary>From a settings file.</summary>
    public bool IsSettings => Kind == SourceKind.Settings;

    /// <summary>A settings file of the repository (project or local scope), which travels with the code.</summary>
    public bool IsRepositorySettings => Kind == SourceKind.Settings && Scope is SettingsScope.Project or SettingsScope.Local;

    /// <summary>The contract's string form.</summary>
    public override string ToString() => Kind switch
    {
        SourceKind.Environment => "env:" + Variable,
        SourceKind.Settings => "settings:" + ScopeName(Scope ?? SettingsScope.User),
        SourceKind.File => "file:" + Path,
        SourceKind.Keychain => "keychain",
        _ => "none",
    };

    /// <summary>The scope as the contract spells it: user, project, local, flag, managed.</summary>
    public static string ScopeName(SettingsScope scope) => scope.ToString().ToLowerInvariant();

    /// <summary>Reads the contract's string form back (e.g. from the ledger); unknown text becomes <see cref="None"/>.</summary>
    public static CredentialSource Parse(string? text)
    {
        if (string.IsNullOrEmpty(text) || text == "none") return None;
        if (text == "keychain") return Keychain;
        if (text.StartsWith("env:", StringComparison.Ordinal)) return Env(text[4..]);
        if (text.StartsWith("file:", StringComparison.Ordinal)) return File(text[5..]);
        if (text.StartsWith("settings:", StringComparison.Ordinal) && Enum.TryParse<SettingsScope>(text[9..], ignoreCase: true, out var scope)) return Settings(scope);
        return None;
    }
}
