using System.Text.Json.Nodes;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// One settings file as far as billing is concerned: its <c>env</c> block and <c>apiKeyHelper</c>, read as
/// Claude Code reads it (<see cref="ClaudeJson"/>). A file Claude Code ignores (invalid JSON, not an object,
/// unreadable) has <see cref="Error"/> set and contributes nothing.
/// </summary>
public sealed record SettingsLayer(SettingsScope Scope, string Path, bool Exists, IReadOnlyDictionary<string, string> Env, string? ApiKeyHelper, string? Error)
{
    /// <summary>Where this layer's values come from.</summary>
    public CredentialSource Source => CredentialSource.Settings(Scope, Path);

    /// <summary>The source of one variable set in this layer (null: the layer's apiKeyHelper).</summary>
    public CredentialSource SourceFor(string? variable) => CredentialSource.Settings(Scope, Path, variable);

    /// <summary>Present and read: Claude Code applies it.</summary>
    public bool Usable => Exists && Error is null;

    /// <summary>Whether this layer comes from the repository (project or local settings).</summary>
    public bool IsRepositoryScope => Scope is SettingsScope.Project or SettingsScope.Local;

    /// <summary>A layer whose file does not exist.</summary>
    public static SettingsLayer Missing(SettingsScope scope, string path) =>
        new(scope, path, false, new Dictionary<string, string>(), null, null);

    /// <summary>Reads a settings file; a file Claude Code would ignore is reported (<see cref="Error"/>), never fatal.</summary>
    public static SettingsLayer Read(SettingsScope scope, string path)
    {
        try
        {
            var bytes = SafeFile.ReadAllBytes(path, SafeFile.ConfigLimit);
            return bytes is null ? Missing(scope, path) : Parse(scope, path, bytes);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Missing(scope, path) with { Exists = true, Error = ex is UnreadableFileException u ? u.Reason : ex.Message };
        }
    }

    /// <summary>Parses settings JSON text (a file or a <c>--settings</c> argument).</summary>
    public static SettingsLayer Parse(SettingsScope scope, string path, ReadOnlySpan<byte> json)
    {
        var root = ClaudeJson.ParseObject(json, out var problem);
        if (root is null) return Missing(scope, path) with { Exists = true, Error = problem!.ToString() };
        return FromObject(scope, path, root);
    }

    /// <summary>The billing part of a settings object already parsed.</summary>
    public static SettingsLayer FromObject(SettingsScope scope, string path, JsonObject root)
    {
        Common.Redactor.RememberJson(root);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["env"] is JsonObject envObject)
        {
            foreach (var (name, value) in envObject)
            {
                env[name] = value switch
                {
                    null => "",
                    JsonValue v when v.GetValueKind() == System.Text.Json.JsonValueKind.String => v.GetValue<string>(),
                    _ => value.ToJsonString(),
                };
            }
        }
        string? helper = root["apiKeyHelper"] is JsonValue h && h.GetValueKind() == System.Text.Json.JsonValueKind.String ? h.GetValue<string>() : null;
        return new SettingsLayer(scope, path, true, env, helper, null);
    }
}
