using System.Text.Encodings.Web;
using System.Text.Json;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Launch;

/// <summary>
/// A <c>result</c> line in Claude Code's stream-json shape that carries SeatGuard's own refusal or stop, so that a
/// program reading the stream (an Agent SDK, a script) fails loudly with SeatGuard's reason. The SDKs report
/// <c>Claude Code returned an error result: &lt;result&gt;</c> when the process then exits non-zero.
/// </summary>
public static class StreamJsonResult
{
    /// <summary>One stream-json <c>result</c> line with <c>is_error</c>, the reason as its text and SeatGuard's exit code.</summary>
    public static byte[] Error(string reason, string? sessionId, int exitCode)
    {
        var text = Redactor.Scrub(reason);
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            w.WriteString("type", "result");
            w.WriteString("subtype", "error_during_execution");
            w.WriteBoolean("is_error", true);
            w.WriteNumber("duration_ms", 0);
            w.WriteNumber("duration_api_ms", 0);
            w.WriteNumber("num_turns", 0);
            w.WriteNumber("total_cost_usd", 0);
            w.WriteString("result", text);
            w.WriteStartArray("errors");
            w.WriteStringValue(text);
            w.WriteEndArray();
            w.WriteString("session_id", sessionId ?? "");
            w.WriteString("terminal_reason", "seatguard");
            w.WriteStartObject("seatguard");
            w.WriteNumber("exitCode", exitCode);
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }
}
