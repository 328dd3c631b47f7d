using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Common.Json;

/// <summary>
/// Reads JSON exactly as Claude Code reads its settings and credential files (measured on 2.1.330 and 2.1.332,
/// which parse with JavaScript's <c>JSON.parse</c>): strict JSON — a comment or a trailing comma makes the whole
/// file invalid, and Claude Code then ignores it; of duplicate keys the last one wins; a lone surrogate escape
/// (<c>"\ud800"</c>) is a valid string. A UTF-8 byte order mark is accepted in settings files but makes
/// <c>.credentials.json</c> invalid (<c>acceptBom</c>).
/// </summary>
public static class ClaudeJson
{
    private static readonly JsonDocumentOptions Strict = new() { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 };
    private static readonly JsonDocumentOptions Lenient = new() { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 };

    /// <summary>
    /// The document's value, or null with <paramref name="problem"/> set when Claude Code would reject the text.
    /// <paramref name="lenient"/> also accepts comments and trailing commas: for SeatGuard's own files, never Claude Code's.
    /// </summary>
    /// <param name="acceptBom">Skip a leading UTF-8 byte order mark (settings files); false: it is an error (credentials).</param>
    /// <param name="utf8">The document's UTF-8 bytes.</param>
    /// <param name="problem">Set to what is wrong when the result is null; null otherwise.</param>
    /// <param name="lenient">Also accept comments and trailing commas (SeatGuard's own files only).</param>
    public static JsonNode? Parse(ReadOnlySpan<byte> utf8, out JsonProblem? problem, bool lenient = false, bool acceptBom = true)
    {
        problem = null;
        if (utf8.StartsWith("\uFEFF"u8))
        {
            if (!acceptBom)
            {
                problem = new JsonProblem(1, 1, "a byte order mark before the JSON (Claude Code rejects it in this file)");
                return null;
            }
            utf8 = utf8[3..];
        }
        try
        {
            using var doc = JsonDocument.Parse(utf8.ToArray(), lenient ? Lenient : Strict);
            return ToNode(doc.RootElement) ?? JsonValue.Create((string?)null);
        }
        catch (JsonException e)
        {
            problem = new JsonProblem((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1, Describe(e));
            return null;
        }
    }

    /// <summary>The document when its top level is an object; otherwise null with the problem (invalid JSON, or another kind of value).</summary>
    public static JsonObject? ParseObject(ReadOnlySpan<byte> utf8, out JsonProblem? problem, bool lenient = false, bool acceptBom = true)
    {
        var node = Parse(utf8, out problem, lenient, acceptBom);
        if (problem is not null) return null;
        if (node is JsonObject obj) return obj;
        problem = new JsonProblem(0, 0, "the top level is " + KindOf(node) + ", not a JSON object");
        return null;
    }

    /// <summary>
    /// Line and column (1-based) of the last top-level property named <paramref name="name"/> (the one
    /// <c>JSON.parse</c> keeps), or (0, 0) when it cannot be found.
    /// </summary>
    public static (long Line, long Column) LocateTopLevelProperty(ReadOnlySpan<byte> utf8, string name)
    {
        int bom = utf8.StartsWith("\uFEFF"u8) ? 3 : 0;
        var reader = new Utf8JsonReader(utf8[bom..], new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true, MaxDepth = 256 });
        long found = -1;
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == 1 && NameEquals(ref reader, name))
                    found = reader.TokenStartIndex + bom;
            }
        }
        catch (JsonException)
        {
            // Located what could be located.
        }
        if (found < 0) return (0, 0);
        long line = 1, column = 1;
        for (int i = bom; i < found && i < utf8.Length; i++)
        {
            if (utf8[i] == (byte)'\n') { line++; column = 1; }
            else if ((utf8[i] & 0xC0) != 0x80) column++;
        }
        return (line, column);
    }

    /// <summary>
    /// Whether the current property name is <paramref name="name"/>; a name holding a lone surrogate escape (which
    /// Claude Code accepts and <see cref="Utf8JsonReader.ValueTextEquals(string)"/> refuses) is another name.
    /// </summary>
    private static bool NameEquals(ref Utf8JsonReader reader, string name)
    {
        try { return reader.ValueTextEquals(name); }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>A string value, also when it holds lone surrogate escapes (which <see cref="JsonElement.GetString"/> refuses).</summary>
    public static string GetString(JsonElement element)
    {
        try { return element.GetString() ?? ""; }
        catch (InvalidOperationException) { return UnescapeLenient(element.GetRawText()); }
    }

    /// <summary>What kind of JSON value a node is, in words.</summary>
    public static string KindOf(JsonNode? node) => node switch
    {
        null => "null",
        JsonArray => "an array",
        JsonObject => "an object",
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => "a string",
            JsonValueKind.Number => "a number",
            JsonValueKind.True or JsonValueKind.False => "a boolean",
            JsonValueKind.Null => "null",
            _ => "a value",
        },
        _ => "a value",
    };

    private static JsonNode? ToNode(JsonElement e)
    {
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var obj = new JsonObject();
                foreach (var p in e.EnumerateObject())
                {
                    var name = PropertyName(p);
                    obj.Remove(name); // the last duplicate wins, as in JSON.parse
                    obj[name] = ToNode(p.Value);
                }
                return obj;
            case JsonValueKind.Array:
                var array = new JsonArray();
                foreach (var item in e.EnumerateArray()) array.Add(ToNode(item));
                return array;
            case JsonValueKind.String:
                return JsonValue.Create(GetString(e));
            case JsonValueKind.Number:
                return e.TryGetInt64(out var l) ? JsonValue.Create(l) : JsonValue.Create(e.Clone());
            case JsonValueKind.True:
                return JsonValue.Create(true);
            case JsonValueKind.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    private static string PropertyName(JsonProperty p)
    {
        try { return p.Name; }
        catch (InvalidOperationException)
        {
            var raw = p.ToString();
            int colon = FindNameEnd(raw);
            return UnescapeLenient(raw[..colon].Trim());
        }
    }

    private static int FindNameEnd(string raw)
    {
        bool escaped = false;
        for (int i = 1; i < raw.Length; i++)
        {
            if (escaped) { escaped = false; continue; }
            if (raw[i] == '\\') escaped = true;
            else if (raw[i] == '"') return i + 1;
        }
        return raw.Length;
    }

    /// <summary>Unescapes a JSON string literal (with its quotes), keeping unpaired surrogates as they are.</summary>
    internal static string UnescapeLenient(string literal)
    {
        var s = literal.Length >= 2 && literal[0] == '"' && literal[^1] == '"' ? literal[1..^1] : literal;
        var sb = new StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            char c = s[i];
            if (c != '\\' || i + 1 >= s.Length) { sb.Append(c); continue; }
            char n = s[++i];
            switch (n)
            {
                case 'b': sb.Append('\b'); break;
                case 'f': sb.Append('\f'); break;
                case 'n': sb.Append('\n'); break;
                case 'r': sb.Append('\r'); break;
                case 't': sb.Append('\t'); break;
                case 'u' when i + 4 < s.Length && int.TryParse(s.AsSpan(i + 1, 4), System.Globalization.NumberStyles.HexNumber, null, out var code):
                    sb.Append((char)code);
                    i += 4;
                    break;
                default: sb.Append(n); break;
            }
        }
        return sb.ToString();
    }

    private static string Describe(JsonException e)
    {
        var m = e.Message;
        int cut = m.IndexOf(" Path:", StringComparison.Ordinal);
        if (cut < 0) cut = m.IndexOf(" LineNumber:", StringComparison.Ordinal);
        m = (cut > 0 ? m[..cut] : m).Trim();
        if (m.Contains("'/'", StringComparison.Ordinal)) return "a comment (Claude Code accepts strict JSON only)";
        if (m.Contains("trailing comma", StringComparison.OrdinalIgnoreCase)) return "a trailing comma (Claude Code accepts strict JSON only)";
        return m.TrimEnd('.');
    }
}
