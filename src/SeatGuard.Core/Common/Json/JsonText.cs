using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;

namespace SeatGuard.Core.Common.Json;

/// <summary>
/// The one JSON writer: indented, readable escaping (apostrophes, dashes and non-ASCII text stay as they are;
/// HTML-significant characters are still escaped where JSON requires it), UTF-8, one trailing newline.
/// Every JSON document SeatGuard prints or stores goes through it, with a source-generated type info.
/// </summary>
public static class JsonText
{
    /// <summary>Deeper than anything <see cref="ClaudeJson"/> accepts (256), so whatever SeatGuard read it can write back.</summary>
    public const int MaxDepth = 300;

    /// <summary>Writer options of every JSON document SeatGuard prints: indented, readable escaping, as deep as it reads.</summary>
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };

    /// <summary>Options for <see cref="System.Text.Json.Nodes.JsonNode"/> documents (settings files SeatGuard edits).</summary>
    public static readonly JsonSerializerOptions NodeOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };

    /// <summary>Like <see cref="NodeOptions"/>, on one line (a JSON argument on a command line).</summary>
    public static readonly JsonSerializerOptions NodeOptionsCompact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, MaxDepth = MaxDepth };

    /// <summary>
    /// A JSON node as text (<see cref="NodeOptions"/> or <see cref="NodeOptionsCompact"/>), keeping lone surrogates as the
    /// <c>\uD800</c> escapes they were read from (System.Text.Json would write U+FFFD): a settings file SeatGuard edits
    /// keeps every value Claude Code reads exactly as it was.
    /// </summary>
    public static string NodeToString(JsonNode node, bool indented = true)
    {
        var options = indented ? NodeOptions : NodeOptionsCompact;
        if (!HasLoneSurrogate(node)) return node.ToJsonString(options);
        var marked = Mark(node)!;
        var text = marked.ToJsonString(options);
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == MarkStart && i + 5 < text.Length && text[i + 5] == MarkEnd)
            {
                sb.Append("\\u").Append(text, i + 1, 4);
                i += 5;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    private const char MarkStart = '\uE000', MarkEnd = '\uE001';

    private static bool HasLoneSurrogate(JsonNode? node) => node switch
    {
        JsonObject o => o.Any(p => IsLone(p.Key) || HasLoneSurrogate(p.Value)),
        JsonArray a => a.Any(HasLoneSurrogate),
        JsonValue v when v.TryGetValue<string>(out var s) => IsLone(s),
        _ => false,
    };

    private static bool IsLone(string s)
    {
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { i++; continue; }
            if (char.IsSurrogate(s[i])) return true;
        }
        return false;
    }

    private static string MarkText(string s)
    {
        if (!IsLone(s)) return s;
        var sb = new StringBuilder(s.Length + 8);
        for (int i = 0; i < s.Length; i++)
        {
            if (char.IsHighSurrogate(s[i]) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1])) { sb.Append(s, i, 2); i++; continue; }
            if (char.IsSurrogate(s[i])) sb.Append(MarkStart).Append(((int)s[i]).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)).Append(MarkEnd);
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private static JsonNode? Mark(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.Select(p => KeyValuePair.Create(MarkText(p.Key), Mark(p.Value)))),
        JsonArray a => new JsonArray(a.Select(Mark).ToArray()),
        JsonValue v when v.TryGetValue<string>(out var s) => JsonValue.Create(MarkText(s)),
        null => null,
        _ => node.DeepClone(),
    };

    /// <summary><paramref name="value"/> as UTF-8 JSON bytes, written as <see cref="Write{T}"/> writes it.</summary>
    public static byte[] ToUtf8<T>(T value, JsonTypeInfo<T> typeInfo)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, WriterOptions)) JsonSerializer.Serialize(json, value, typeInfo);
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    /// <summary>The document as text, ending with a newline.</summary>
    public static string Serialize<T>(T value, JsonTypeInfo<T> typeInfo) => Encoding.UTF8.GetString(ToUtf8(value, typeInfo));

    /// <summary>Writes the document and a newline, then flushes.</summary>
    public static void Write<T>(TextWriter writer, T value, JsonTypeInfo<T> typeInfo)
    {
        writer.Write(Serialize(value, typeInfo));
        writer.Flush();
    }
}
