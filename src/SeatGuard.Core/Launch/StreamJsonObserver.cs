using System.Text;
using System.Text.Json;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Reads Claude Code's <c>--output-format stream-json</c> lines as they pass. Tolerates unknown message
/// types and fields and malformed lines (counted, never fatal).
/// </summary>
public sealed class StreamJsonObserver
{
    private static readonly HashSet<string> KnownTypes = ["system", "assistant", "user", "result", "rate_limit_event", "stream_event", "tool_progress", "auth_status"];
    /// <summary>What the lines seen so far said.</summary>
    public StreamObservation Observation { get; } = new();

    /// <summary>Observes every line of <paramref name="text"/>.</summary>
    public static StreamObservation ReadAll(string text)
    {
        var observer = new StreamJsonObserver();
        foreach (var line in text.Split('\n')) observer.OnLine(line);
        return observer.Observation;
    }

    /// <summary>Observes one stream-json line.</summary>
    public void OnLine(string line) => OnLine(Encoding.UTF8.GetBytes(line));

    /// <summary>Observes one stream-json line (UTF-8); malformed lines are counted, never fatal.</summary>
    public void OnLine(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r\n"u8);
        if (line.IsEmpty) return;
        var o = Observation;
        o.Lines++;
        try
        {
            using var doc = JsonDocument.Parse(line.ToArray());
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { o.MalformedLines++; return; }
            var type = Str(root, "type");
            switch (type)
            {
                case "system" when Str(root, "subtype") == "init":
                    o.SawInit = true;
                    o.ApiKeySource = Str(root, "apiKeySource");
                    o.ClaudeVersion = Str(root, "claude_code_version");
                    o.Model = Str(root, "model");
                    o.SessionId ??= Str(root, "session_id");
                    break;
                case "rate_limit_event":
                    o.RateLimitEvent = true;
                    if (root.TryGetProperty("rate_limit_info", out var info) && info.ValueKind == JsonValueKind.Object)
                    {
                        o.RateLimitStatus = Str(info, "status") ?? o.RateLimitStatus;
                        o.RateLimitType = Str(info, "rateLimitType") ?? o.RateLimitType;
                        if (info.TryGetProperty("resetsAt", out var r) && r.ValueKind == JsonValueKind.Number && r.TryGetInt64(out var s))
                            o.ResetsAt = DateTimeOffset.FromUnixTimeSeconds(s);
                        var overage = Bool(info, "overageInUse") ?? Bool(info, "isUsingOverage");
                        if (overage is not null) o.OverageInUse = (o.OverageInUse ?? false) || overage.Value;
                        if (info.TryGetProperty("utilization", out var u) && u.ValueKind == JsonValueKind.Number) o.Utilization = u.GetDouble();
                    }
                    break;
                case "result":
                    o.SawResult = true;
                    o.IsError = Bool(root, "is_error");
                    o.ResultText = Str(root, "result");
                    o.SessionId = Str(root, "session_id") ?? o.SessionId;
                    if (root.TryGetProperty("total_cost_usd", out var c) && c.ValueKind == JsonValueKind.Number) o.CostUsd = c.GetDouble();
                    if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
                    {
                        o.InputTokens = Long(usage, "input_tokens");
                        o.OutputTokens = Long(usage, "output_tokens");
                        o.CacheCreationTokens = Long(usage, "cache_creation_input_tokens");
                        o.CacheReadTokens = Long(usage, "cache_read_input_tokens");
                    }
                    break;
                default:
                    if (type is null || !KnownTypes.Contains(type)) o.UnknownTypes++;
                    break;
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // InvalidOperationException: a lone surrogate escape
        {
            o.MalformedLines++;
        }
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : 0;
}
