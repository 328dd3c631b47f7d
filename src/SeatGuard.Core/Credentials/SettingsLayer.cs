using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// One settings file as far as billing is concerned: its <c>env</c> block, <c>apiKeyHelper</c> and the managed
/// login policy, read as Claude Code reads it (<see cref="ClaudeJson"/>, then <see cref="SettingsSchema"/>). A file
/// Claude Code ignores — invalid JSON, not an object, a field of the wrong type, unreadable — has <see cref="Error"/>
/// (and, when it can be located, <see cref="Problem"/> with line and column) set and contributes nothing.
/// </summary>
public sealed record SettingsLayer(SettingsScope Scope, string Path, bool Exists, IReadOnlyDictionary<string, string> Env, string? ApiKeyHelper, string? Error)
{
    /// <summary>Where and why Claude Code ignores this file (line and column when known).</summary>
    public JsonProblem? Problem { get; init; }

    /// <summary>Valid JSON that Claude Code's settings schema rejects (Claude Code ignores the file and starts).</summary>
    public bool SchemaInvalid { get; init; }

    /// <summary>The plugin names this file's <c>enabledPlugins</c> lists (the probe turns them off).</summary>
    public IReadOnlyList<string> EnabledPlugins { get; init; } = [];

    /// <summary>The login policy this file sets (only managed settings enforce it).</summary>
    public LoginPolicy Policy { get; init; } = LoginPolicy.None;

    /// <summary>Where this layer's values come from.</summary>
    public CredentialSource Source => CredentialSource.Settings(Scope, Path);

    /// <summary>The source of one variable set in this layer (null: the layer's apiKeyHelper).</summary>
    public CredentialSource SourceFor(string? variable) => CredentialSource.Settings(Scope, Path, variable);

    /// <summary>Present and read: Claude Code applies it.</summary>
    public bool Usable => Exists && Error is null;

    /// <summary>Whether this layer comes from the repository (project or local settings).</summary>
    public bool IsRepositoryScope => Scope is SettingsScope.Project or SettingsScope.Local;

    /// <summary>"path:line:column" when the problem is located, else the path.</summary>
    public string Location => Problem is { Line: > 0 } p ? $"{Path}:{p.Line}:{p.Column}" : Path;

    /// <summary>A layer whose file does not exist.</summary>
    public static SettingsLayer Missing(SettingsScope scope, string path) =>
        new(scope, path, false, new Dictionary<string, string>(), null, null);

    private static SettingsLayer Ignored(SettingsScope scope, string path, JsonProblem problem) =>
        Missing(scope, path) with { Exists = true, Error = problem.ToString(), Problem = problem };

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

    /// <summary>Parses settings JSON text (a file or a <c>--settings</c> argument), then checks it against Claude Code's schema.</summary>
    public static SettingsLayer Parse(SettingsScope scope, string path, ReadOnlySpan<byte> json)
    {
        var root = ClaudeJson.ParseObject(json, out var problem);
        if (root is null) return Ignored(scope, path, problem!);
        if (SettingsSchema.Problem(root) is { } bad)
        {
            var (line, column) = ClaudeJson.LocateTopLevelProperty(json, bad.Field);
            return Ignored(scope, path, new JsonProblem(line, column, $"\"{bad.Field}\" {bad.Problem}")) with { SchemaInvalid = true };
        }
        return FromObject(scope, path, root);
    }

    /// <summary>The billing part of a settings object already parsed (and accepted).</summary>
    public static SettingsLayer FromObject(SettingsScope scope, string path, JsonObject root)
    {
        Common.Redactor.RememberJson(root);
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        if (root["env"] is JsonObject envObject)
        {
            // Claude Code coerces every value to a string as JavaScript's String() does: null is "null".
            foreach (var (name, value) in envObject) env[name] = JsString.Of(value);
        }
        string? helper = root["apiKeyHelper"] is JsonValue h && h.GetValueKind() == JsonValueKind.String ? h.GetValue<string>() : null;
        var plugins = root["enabledPlugins"] is JsonObject p ? p.Select(e => e.Key).ToArray() : [];
        return new SettingsLayer(scope, path, true, env, helper, null) { Policy = LoginPolicy.From(root), EnabledPlugins = plugins };
    }
}
