using System.Text.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>Settings scopes, in the order Claude Code applies them (later wins).</summary>
public enum SettingsScope { User, Project, Local, Flag, Managed }

/// <summary>One settings file as far as billing is concerned: its <c>env</c> block and <c>apiKeyHelper</c>.</summary>
public sealed record SettingsLayer(SettingsScope Scope, string Path, bool Exists, IReadOnlyDictionary<string, string> Env, string? ApiKeyHelper, string? Error)
{
    /// <summary>Source label as the CLI contract writes it, e.g. <c>settings:project</c>.</summary>
    public string Source => "settings:" + Scope.ToString().ToLowerInvariant();

    public bool IsRepositoryScope => Scope is SettingsScope.Project or SettingsScope.Local;

    public static SettingsLayer Missing(SettingsScope scope, string path) =>
        new(scope, path, false, new Dictionary<string, string>(), null, null);

    /// <summary>Reads a settings file leniently: a broken file is reported, never fatal.</summary>
    public static SettingsLayer Read(SettingsScope scope, string path)
    {
        if (!File.Exists(path)) return Missing(scope, path);
        try
        {
            return Parse(scope, path, File.ReadAllBytes(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return Missing(scope, path) with { Exists = true, Error = ex.Message };
        }
    }

    /// <summary>Parses settings JSON text (a file or a <c>--settings</c> argument).</summary>
    public static SettingsLayer Parse(SettingsScope scope, string path, ReadOnlySpan<byte> json)
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal);
        string? helper = null;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            using var doc = JsonDocument.ParseValue(ref reader);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
                return Missing(scope, path) with { Exists = true, Error = "not a JSON object" };
            if (doc.RootElement.TryGetProperty("env", out var envElement) && envElement.ValueKind == JsonValueKind.Object)
            {
                foreach (var p in envElement.EnumerateObject())
                {
                    env[p.Name] = p.Value.ValueKind switch
                    {
                        JsonValueKind.String => p.Value.GetString()!,
                        JsonValueKind.Null => "",
                        _ => p.Value.GetRawText(),
                    };
                }
            }
            if (doc.RootElement.TryGetProperty("apiKeyHelper", out var h))
                helper = h.ValueKind == JsonValueKind.String ? h.GetString() : null;
        }
        catch (JsonException ex)
        {
            return Missing(scope, path) with { Exists = true, Error = $"invalid JSON at line {(ex.LineNumber ?? 0) + 1}" };
        }
        return new SettingsLayer(scope, path, true, env, helper, null);
    }
}
