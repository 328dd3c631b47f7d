using System.Text.Json.Nodes;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// The model a launch will start with and where that comes from, in Claude Code's order: <c>--model</c>, then
/// <c>ANTHROPIC_MODEL</c> (environment, then settings <c>env</c>), then the settings <c>model</c> key (managed,
/// <c>--settings</c>, local, project, user). <see cref="Candidates"/> adds what an alias is remapped to by
/// <c>ANTHROPIC_DEFAULT_&lt;ALIAS&gt;_MODEL</c>. Also whether the settings turn fast mode on.
/// </summary>
public sealed record SessionModel(string? Model, string? Source, IReadOnlyList<string> Candidates, bool FastMode)
{
    private static readonly SettingsScope[] Precedence = [SettingsScope.Managed, SettingsScope.Flag, SettingsScope.Local, SettingsScope.Project, SettingsScope.User];

    /// <summary>The model(s) a launch will use: <c>--model</c>, else <c>ANTHROPIC_MODEL</c>, else the settings' model, aliases remapped; and whether fast mode is on.</summary>
    public static SessionModel Resolve(ClaudeArguments args, IReadOnlyDictionary<string, string> env, CredentialInventory? inventory, JsonObject? flagSettings)
    {
        var layers = Ordered(inventory, flagSettings);
        string? model = null, source = null;
        if (args.Model is { Length: > 0 } m) (model, source) = (m, "--model");
        else if (env.TryGetValue("ANTHROPIC_MODEL", out var em) && em.Length > 0) (model, source) = (em, "env:ANTHROPIC_MODEL");
        else
        {
            foreach (var (name, settings) in layers)
            {
                if (settings["env"] is JsonObject e && e["ANTHROPIC_MODEL"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0) { (model, source) = (s, name + " env ANTHROPIC_MODEL"); break; }
            }
            if (model is null)
            {
                foreach (var (name, settings) in layers)
                {
                    if (settings["model"] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0) { (model, source) = (s, name + " model"); break; }
                }
            }
        }
        bool fast = false;
        foreach (var (_, settings) in layers)
        {
            if (settings["fastMode"] is JsonValue f && f.TryGetValue<bool>(out var b)) { fast = b; break; }
        }
        return new SessionModel(model, source, NamesFor(model, env, layers), fast);
    }

    /// <summary>The model as written and, for an alias, what the environment remaps it to.</summary>
    private static IReadOnlyList<string> NamesFor(string? model, IReadOnlyDictionary<string, string> env, List<(string, JsonObject)> layers)
    {
        if (model is null) return [];
        var list = new List<string> { model };
        var alias = model.Trim().ToLowerInvariant();
        bool longContext = alias.EndsWith("[1m]", StringComparison.Ordinal);
        if (longContext) alias = alias[..^4];
        if (alias is "opus" or "sonnet" or "haiku" or "fable" or "opusplan")
        {
            var variable = "ANTHROPIC_DEFAULT_" + (alias == "opusplan" ? "OPUS" : alias.ToUpperInvariant()) + "_MODEL";
            string? remap = env.TryGetValue(variable, out var r) && r.Length > 0 ? r : null;
            foreach (var (_, settings) in layers)
            {
                if (remap is not null) break;
                if (settings["env"] is JsonObject e && e[variable] is JsonValue v && v.TryGetValue<string>(out var s) && s.Length > 0) remap = s;
            }
            if (remap is not null) list.Add(longContext && !remap.EndsWith("[1m]", StringComparison.OrdinalIgnoreCase) ? remap + "[1m]" : remap);
        }
        return list;
    }

    private static List<(string Name, JsonObject Settings)> Ordered(CredentialInventory? inventory, JsonObject? flagSettings)
    {
        var result = new List<(string, JsonObject)>();
        foreach (var scope in Precedence)
        {
            if (scope == SettingsScope.Flag)
            {
                if (flagSettings is not null) result.Add(("--settings", flagSettings));
                continue;
            }
            var layer = inventory?.Layers.LastOrDefault(l => l.Scope == scope && l.Usable);
            if (layer is null) continue;
            try
            {
                if (SafeFile.ReadAllBytes(layer.Path, SafeFile.ConfigLimit) is { } bytes && ClaudeJson.ParseObject(bytes, out _) is { } obj)
                    result.Add(("settings:" + scope.ToString().ToLowerInvariant(), obj));
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // a settings file Claude Code cannot read does not choose the model either
            }
        }
        return result;
    }
}
