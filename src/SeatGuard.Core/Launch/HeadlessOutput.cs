using System.Text;
using System.Text.Json;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Prints what <c>claude -p</c> would have printed in its <c>text</c> or <c>json</c> output format, from the
/// stream-json SeatGuard ran it with (so that every headless run's billing, limits and cost are proven). Measured on
/// 2.1.330: text mode prints each result's text (a newline added when missing) or, for an error result, a fixed line
/// per subtype without a newline; json mode prints the result object without <c>model_usage_since_last_result</c>
/// (the one key stream-json adds); json with <c>--verbose</c> prints every message as one JSON array.
/// </summary>
public sealed class HeadlessOutput(string format, bool verbose, Stream stdout, Stream stderr, bool stdoutIsTerminal, bool stderrIsTerminal, string? maxTurns, string? maxBudgetUsd)
{
    /// <summary>The key Claude Code's stream-json output adds to a result line and its json output does not have.</summary>
    public const string StreamOnlyResultKey = "model_usage_since_last_result";

    private ResultMessage? _lastPrinted;
    private int _printed;
    private bool _endsWithNewline = true;

    /// <summary>The output format reproduced: <c>text</c> or <c>json</c>.</summary>
    public string Format => format;

    /// <summary>The output formats SeatGuard reproduces (stream-json is passed through as it is).</summary>
    public static bool Reproduces(string outputFormat) => outputFormat is "text" or "json";

    /// <summary>A result arrived (text mode prints it at the end of its turn, as Claude Code does).</summary>
    public void OnResult(ResultMessage result)
    {
        if (format != "text") return;
        if (!EmptySuccess(result) && result.TerminalReason != "tool_deferred_unavailable") Print(result);
    }

    /// <summary>Claude Code exited: what is printed last (text), or the whole output (json).</summary>
    public void Finish(StreamObservation observation)
    {
        var last = observation.Results.Count > 0 ? observation.Results[^1] : null;
        switch (format)
        {
            case "text":
                if (last is not null && !ReferenceEquals(last, _lastPrinted) && (_printed == 0 || !EmptySuccess(last))) Print(last);
                break;
            case "json" when verbose:
                if (observation.KeptLines.Count == 0) return;
                var array = new MemoryStream();
                array.WriteByte((byte)'[');
                for (int i = 0; i < observation.KeptLines.Count; i++)
                {
                    if (i > 0) array.WriteByte((byte)',');
                    array.Write(WithoutStreamOnlyKeys(observation.KeptLines[i]));
                }
                array.Write("]\n"u8);
                Write(stdout, array.ToArray());
                break;
            case "json":
                if (last is null) return;
                var bytes = WithoutStreamOnlyKeys(last.Raw);
                Write(stdout, [.. bytes, (byte)'\n']);
                break;
        }
    }

    private void Print(ResultMessage e)
    {
        string text = e.Subtype switch
        {
            "success" => (e.Result ?? "") is var r && r.EndsWith('\n') ? r : (e.Result ?? "") + "\n",
            "error_during_execution" => "Execution error",
            "error_max_turns" => $"Error: Reached max turns ({maxTurns})",
            "error_max_budget_usd" => $"Error: Exceeded USD budget ({maxBudgetUsd})",
            "error_max_structured_output_retries" => "Error: " + (e.Errors.Count > 0 ? e.Errors[0] : "Failed to provide valid structured output after maximum retries"),
            _ => e.Result is { } other ? (other.EndsWith('\n') ? other : other + "\n") : "",
        };
        string separator = _printed == 0 ? "" : _endsWithNewline ? "\n" : "\n\n";
        if (e.IsError && stderrIsTerminal && !stdoutIsTerminal)
            Write(stderr, Encoding.UTF8.GetBytes((e.Subtype == "success" ? e.Result ?? "" : text).TrimEnd() + "\n"));
        Write(stdout, Encoding.UTF8.GetBytes(separator + text));
        _lastPrinted = e;
        _printed++;
        _endsWithNewline = text.EndsWith('\n');
    }

    private static bool EmptySuccess(ResultMessage r) => r.Subtype == "success" && string.IsNullOrWhiteSpace(r.Result);

    private static void Write(Stream s, byte[] bytes)
    {
        try
        {
            s.Write(bytes);
            s.Flush();
        }
        catch (IOException)
        {
            // the reader went away, as it may for claude itself
        }
    }

    /// <summary>A result line without the key stream-json adds, byte for byte otherwise; other lines unchanged.</summary>
    public static byte[] WithoutStreamOnlyKeys(byte[] line)
    {
        var key = Encoding.UTF8.GetBytes(StreamOnlyResultKey);
        if (line.AsSpan().IndexOf(key) < 0) return line;
        try
        {
            var reader = new Utf8JsonReader(line);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return line;
            long previousEnd = reader.BytesConsumed; // just after '{'
            bool first = true;
            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                long nameStart = reader.TokenStartIndex;
                bool match = reader.ValueTextEquals(key);
                reader.Read();
                reader.Skip();
                long valueEnd = reader.BytesConsumed;
                if (match)
                {
                    if (!first) return [.. line.AsSpan(0, (int)previousEnd), .. line.AsSpan((int)valueEnd)];
                    // the first key: drop it and the comma after it
                    int next = (int)valueEnd;
                    while (next < line.Length && line[next] is (byte)' ' or (byte)'\t') next++;
                    if (next < line.Length && line[next] == (byte)',') next++;
                    return [.. line.AsSpan(0, (int)nameStart), .. line.AsSpan(next)];
                }
                first = false;
                previousEnd = valueEnd;
            }
        }
        catch (JsonException)
        {
        }
        return line;
    }
}
