using System.Text;
using System.Text.Json;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Shim;

/// <summary>
/// A refusal as a Claude Code CLI error that an Agent SDK reports with SeatGuard's reason. The SDKs write an
/// <c>initialize</c> control request first and wait for its answer before they send the prompt (measured on
/// <c>@anthropic-ai/claude-agent-sdk</c> 0.3.333), so with <c>--input-format stream-json</c> SeatGuard answers it, waits
/// for the first user message (or the end of stdin), then writes one <c>result</c> with <c>is_error</c> and the reason.
/// The SDK then throws <c>Claude Code returned an error result: SeatGuard refused this run: …</c>.
/// </summary>
public static class ShimRefusal
{
    /// <summary>How long a stream-json caller gets to send its first message before SeatGuard answers anyway.</summary>
    public static readonly TimeSpan FirstMessageWait = TimeSpan.FromSeconds(30);

    /// <summary>Answers a refused stream-json caller: the <c>initialize</c> request, then one error <c>result</c> after its first user message.</summary>
    public static async Task WriteAsync(Stream stdin, Stream stdout, string reason, bool streamInput, int exitCode)
    {
        if (streamInput)
        {
            using var cts = new CancellationTokenSource(FirstMessageWait);
            using var reader = new StreamReader(stdin, new UTF8Encoding(false), false, 64 * 1024, leaveOpen: true);
            try
            {
                while (await reader.ReadLineAsync(cts.Token) is { } line)
                {
                    if (RequestId(line, out var type) is { } id && type == "initialize")
                    {
                        await Write(stdout, Initialized(id));
                        continue;
                    }
                    if (type == "user") break;
                }
            }
            catch (OperationCanceledException)
            {
            }
        }
        await Write(stdout, StreamJsonResult.Error("SeatGuard refused this run: " + reason, null, exitCode));
    }

    /// <summary>The request id and subtype of a control request line, or null.</summary>
    private static string? RequestId(string line, out string? type)
    {
        type = null;
        try
        {
            using var doc = JsonDocument.Parse(line);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) return null;
            type = root.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString() : null;
            if (type != "control_request") return null;
            type = root.TryGetProperty("request", out var r) && r.ValueKind == JsonValueKind.Object && r.TryGetProperty("subtype", out var s) && s.ValueKind == JsonValueKind.String ? s.GetString() : null;
            return root.TryGetProperty("request_id", out var id) && id.ValueKind == JsonValueKind.String ? id.GetString() : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>A minimal successful answer to <c>initialize</c> (no commands, agents or models: nothing will run).</summary>
    private static byte[] Initialized(string requestId)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("type", "control_response");
            w.WriteStartObject("response");
            w.WriteString("subtype", "success");
            w.WriteString("request_id", requestId);
            w.WriteStartObject("response");
            w.WriteStartArray("commands"); w.WriteEndArray();
            w.WriteStartArray("agents"); w.WriteEndArray();
            w.WriteStartArray("models"); w.WriteEndArray();
            w.WriteStartObject("account"); w.WriteEndObject();
            w.WriteString("output_style", "default");
            w.WriteStartArray("available_output_styles"); w.WriteStringValue("default"); w.WriteEndArray();
            w.WriteEndObject();
            w.WriteEndObject();
            w.WriteEndObject();
        }
        buffer.WriteByte((byte)'\n');
        return buffer.ToArray();
    }

    private static async Task Write(Stream stdout, byte[] bytes)
    {
        try
        {
            await stdout.WriteAsync(bytes);
            await stdout.FlushAsync();
        }
        catch (IOException)
        {
        }
    }
}
