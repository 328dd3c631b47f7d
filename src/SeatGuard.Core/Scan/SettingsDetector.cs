using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Json;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Repository <c>.claude/settings*.json</c> (and settings templates and profiles) that set credential keys
/// (dotted paths such as <c>env.ANTHROPIC_API_KEY</c>). A template that is not JSON yet
/// (<c>{{ .Token }}</c> placeholders) is read key by key: a key with a non-empty value counts.
/// </summary>
internal static class SettingsDetector
{
    private static readonly System.Text.Json.JsonDocumentOptions Options = new() { AllowTrailingCommas = true, CommentHandling = System.Text.Json.JsonCommentHandling.Skip };

    public static void Detect(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        if (!unit.WholeFile) return;
        System.Text.Json.JsonDocument doc;
        try
        {
            doc = System.Text.Json.JsonDocument.Parse(unit.Text, Options);
        }
        catch (System.Text.Json.JsonException)
        {
            // Claude Code ignores a settings file it cannot parse; a template becomes JSON only when rendered.
            if (!unit.Path.EndsWith(".json", StringComparison.OrdinalIgnoreCase)) DetectInTemplate(unit, rule, hits);
            return;
        }
        using (doc)
        {
            foreach (var dotted in rule.SettingsKeys)
            {
                var element = doc.RootElement;
                bool found = true;
                foreach (var part in dotted.Split('.'))
                {
                    if (element.ValueKind != System.Text.Json.JsonValueKind.Object || !TryGetProperty(element, part, out element)) { found = false; break; }
                }
                if (!found || element.ValueKind is System.Text.Json.JsonValueKind.Null) continue;
                if (element.ValueKind == System.Text.Json.JsonValueKind.String && ClaudeJson.GetString(element).Length == 0) continue;
                var name = dotted[(dotted.LastIndexOf('.') + 1)..];
                int at = unit.Text.IndexOf("\"" + name + "\"", StringComparison.Ordinal);
                bool secretValued = name.EndsWith("KEY", StringComparison.Ordinal) || name.EndsWith("TOKEN", StringComparison.Ordinal);
                string? secret = secretValued && element.ValueKind == System.Text.Json.JsonValueKind.String ? ClaudeJson.GetString(element) : null;
                hits.Add(new Hit(rule, Math.Max(0, at), name.Length + 2, secret));
            }
        }
    }

    /// <summary>
    /// <see cref="System.Text.Json.JsonElement.TryGetProperty(string, out System.Text.Json.JsonElement)"/>, except that property names
    /// holding lone surrogate escapes (Claude Code accepts them; .NET's name comparison throws on them) are
    /// compared as the text they decode to, never thrown on.
    /// </summary>
    private static bool TryGetProperty(System.Text.Json.JsonElement obj, string name, out System.Text.Json.JsonElement value)
    {
        try { return obj.TryGetProperty(name, out value); }
        catch (InvalidOperationException)
        {
            // The last property of that name wins, as in JSON.parse.
            bool found = false;
            value = default;
            foreach (var p in obj.EnumerateObject())
            {
                string key;
                try { key = p.Name; }
                catch (InvalidOperationException) { continue; }
                if (key == name) { value = p.Value; found = true; }
            }
            return found;
        }
    }

    private static void DetectInTemplate(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        foreach (var dotted in rule.SettingsKeys)
        {
            var name = dotted[(dotted.LastIndexOf('.') + 1)..];
            var m = System.Text.RegularExpressions.Regex.Match(unit.Text, "\"" + System.Text.RegularExpressions.Regex.Escape(name) + "\"\\s*:\\s*(\"[^\"\\n]+\"|[^\\s\",}\\]]+)");
            if (m.Success && m.Groups[1].Value != "null") hits.Add(new Hit(rule, m.Index, name.Length + 2, null));
        }
    }
}
