using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Json;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The part of Claude Code's settings schema that decides whether a settings file counts at all. Claude Code
/// validates every settings file and ignores a file that fails, its <c>env</c> block and <c>apiKeyHelper</c>
/// included (measured on 2.1.330 and 2.1.332: <c>{"model": 5, "env": {"ANTHROPIC_API_KEY": …}}</c> sends no key;
/// so do <c>"permissions": "x"</c>, <c>"cleanupPeriodDays": 0</c>, <c>"env": null</c> and <c>"model": null</c>;
/// unknown keys and a malformed <c>hooks</c> value are accepted). The simple top-level fields come from
/// <c>claude-settings-schema.data.json</c>, derived from the binary by <c>tests/tools/settings-schema.py</c>;
/// <c>env</c> and <c>permissions</c> are checked here. Fields with a more complex schema are not checked, so a file
/// Claude Code accepts is never called invalid.
/// </summary>
public static class SettingsSchema
{
    private static readonly Lazy<IReadOnlyDictionary<string, JsonObject>> Fields = new(Load);

    private static readonly string[] PermissionModes = ["acceptEdits", "auto", "bypassPermissions", "default", "dontAsk", "plan", "manual"];

    /// <summary>The Claude Code release the field table was derived from.</summary>
    public static string DerivedFrom { get; private set; } = "";

    /// <summary>Why Claude Code would reject this settings object, naming the field; null when it accepts it.</summary>
    public static (string Field, string Problem)? Problem(JsonObject root)
    {
        foreach (var (name, value) in root)
        {
            string? problem = name switch
            {
                "env" => value is JsonObject ? null : "must be an object of variables",
                "permissions" => Permissions(value),
                _ => Fields.Value.TryGetValue(name, out var field) ? Check(field, value) : null,
            };
            if (problem is not null) return (name, problem);
        }
        return null;
    }

    private static string? Permissions(JsonNode? value)
    {
        if (value is not JsonObject p) return "must be an object";
        // Measured: "allow": "Bash" is rejected, "allow": [5] is not (rule entries are checked later, one by one).
        foreach (var list in new[] { "allow", "deny", "ask" })
        {
            if (p.TryGetPropertyValue(list, out var l) && l is not JsonArray) return $"\"{list}\" must be a list of permission rules";
        }
        if (p.TryGetPropertyValue("defaultMode", out var mode) && !(StringOf(mode) is { } m && PermissionModes.Contains(m)))
            return "\"defaultMode\" must be one of " + string.Join(", ", PermissionModes[..^1]);
        if (p.TryGetPropertyValue("disableBypassPermissionsMode", out var d) && StringOf(d) != "disable")
            return "\"disableBypassPermissionsMode\" must be \"disable\"";
        return null;
    }

    private static string? Check(JsonObject field, JsonNode? value)
    {
        string type = StringOf(field["type"]) ?? "";
        switch (type)
        {
            case "string": return StringOf(value) is null ? "must be a string" : null;
            case "boolean": return value is JsonValue v && v.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? null : "must be true or false";
            case "strings": return IsStrings(value) ? null : "must be a list of strings";
            case "stringMap": return value is JsonObject o && o.All(p => StringOf(p.Value) is not null) ? null : "must be an object of strings";
            case "object": return value is JsonObject ? null : "must be an object";
            case "enum":
                var values = (field["values"] as JsonArray)?.Select(StringOf).OfType<string>().ToArray() ?? [];
                return StringOf(value) is { } s && values.Contains(s) ? null : "must be one of " + string.Join(", ", values.Select(x => "\"" + x + "\""));
            case "number": return Number(field, value);
            default: return null;
        }
    }

    private static string? Number(JsonObject field, JsonNode? value)
    {
        if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.Number || !v.TryGetValue<double>(out var n) && !TryDouble(v, out n))
            return "must be a number";
        if (field["int"] is not null && (Math.Floor(n) != n || double.IsInfinity(n))) return "must be a whole number";
        if (field["positive"] is not null && !(n > 0)) return "must be greater than 0";
        if (field["nonnegative"] is not null && !(n >= 0)) return "must not be negative";
        if (Bound(field, "min") is { } min && !(n >= min)) return $"must be at least {JsString.Number(min)}";
        if (Bound(field, "gte") is { } gte && !(n >= gte)) return $"must be at least {JsString.Number(gte)}";
        if (Bound(field, "max") is { } max && !(n <= max)) return $"must be at most {JsString.Number(max)}";
        if (Bound(field, "lte") is { } lte && !(n <= lte)) return $"must be at most {JsString.Number(lte)}";
        if (Bound(field, "gt") is { } gt && !(n > gt)) return $"must be greater than {JsString.Number(gt)}";
        if (Bound(field, "lt") is { } lt && !(n < lt)) return $"must be less than {JsString.Number(lt)}";
        return null;
    }

    private static bool TryDouble(JsonValue v, out double n) =>
        double.TryParse(v.ToJsonString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out n);

    private static double? Bound(JsonObject field, string name) =>
        field[name] is JsonValue b && b.TryGetValue<double>(out var d) ? d : null;

    private static bool IsStrings(JsonNode? node) => node is JsonArray a && a.All(e => StringOf(e) is not null);

    private static string? StringOf(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static IReadOnlyDictionary<string, JsonObject> Load()
    {
        var root = JsonNode.Parse(EmbeddedData.ReadText("claude-settings-schema.data.json"))!.AsObject();
        DerivedFrom = StringOf(root["claudeCode"]) ?? "";
        var fields = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        foreach (var (name, value) in root["fields"]!.AsObject())
            if (value is JsonObject o) fields[name] = o;
        return fields;
    }
}
