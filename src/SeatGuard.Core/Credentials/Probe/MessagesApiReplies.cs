using System.Text;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// Well-formed minimal answers of the Messages API, enough for Claude Code to finish a turn cleanly.
/// Used by the doctor's loopback probe (and by the tests' stand-in of Anthropic's servers).
/// </summary>
public static class MessagesApiReplies
{
    /// <summary>The model the stand-in names when a request does not say.</summary>
    public const string DefaultModel = "claude-sonnet-4-5-20250929";

    /// <summary>The server-sent-events body of a streamed one-word answer.</summary>
    public static string StreamedText(string text, string model = DefaultModel, int inputTokens = 12, int outputTokens = 3)
    {
        var id = "msg_" + Guid.NewGuid().ToString("N")[..24];
        var sb = new StringBuilder(1024);
        Event(sb, "message_start", $$$"""{"type":"message_start","message":{"id":"{{{id}}}","type":"message","role":"assistant","model":"{{{model}}}","content":[],"stop_reason":null,"stop_sequence":null,"usage":{"input_tokens":{{{inputTokens}}},"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":1}}" + "}""");
        Event(sb, "content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        Event(sb, "content_block_delta", $$$"""{"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"{{{text}}}"}}""");
        Event(sb, "content_block_stop", """{"type":"content_block_stop","index":0}""");
        Event(sb, "message_delta", $$$"""{"type":"message_delta","delta":{"stop_reason":"end_turn","stop_sequence":null},"usage":{"output_tokens":{{{outputTokens}}}}" + "}""");
        Event(sb, "message_stop", """{"type":"message_stop"}""");
        return sb.ToString();
    }

    /// <summary>The JSON body of a non-streamed one-word answer.</summary>
    public static string JsonText(string text, string model = DefaultModel, int inputTokens = 12, int outputTokens = 3) =>
        $$$"""{"id":"msg_{{{Guid.NewGuid():N}}}","type":"message","role":"assistant","model":"{{{model}}}","content":[{"type":"text","text":"{{{text}}}"}],"stop_reason":"end_turn","stop_sequence":null,"usage":{"input_tokens":{{{inputTokens}}},"cache_creation_input_tokens":0,"cache_read_input_tokens":0,"output_tokens":{{{outputTokens}}}}}""";

    /// <summary>True when a request body asks for a streamed answer.</summary>
    public static bool WantsStream(ReadOnlySpan<byte> body)
    {
        // "stream":true, tolerant of whitespace after the colon.
        int i = body.IndexOf("\"stream\""u8);
        if (i < 0) return false;
        var rest = body[(i + 8)..].TrimStart(" \t\r\n"u8);
        if (rest.IsEmpty || rest[0] != (byte)':') return false;
        return rest[1..].TrimStart(" \t\r\n"u8).StartsWith("true"u8);
    }

    private static void Event(StringBuilder sb, string name, string json) =>
        sb.Append("event: ").Append(name).Append('\n').Append("data: ").Append(json).Append("\n\n");
}
