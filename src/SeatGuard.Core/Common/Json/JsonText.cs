using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace SeatGuard.Core.Common.Json;

/// <summary>
/// The one JSON writer: indented, readable escaping (apostrophes, dashes and non-ASCII text stay as they are;
/// HTML-significant characters are still escaped where JSON requires it), UTF-8, one trailing newline.
/// Every JSON document SeatGuard prints or stores goes through it, with a source-generated type info.
/// </summary>
public static class JsonText
{
    public static readonly JsonWriterOptions WriterOptions = new() { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Options for <see cref="System.Text.Json.Nodes.JsonNode"/> documents (settings files SeatGuard edits).</summary>
    public static readonly JsonSerializerOptions NodeOptions = new() { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Like <see cref="NodeOptions"/>, on one line (a JSON argument on a command line).</summary>
    public static readonly JsonSerializerOptions NodeOptionsCompact = new() { WriteIndented = false, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

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
