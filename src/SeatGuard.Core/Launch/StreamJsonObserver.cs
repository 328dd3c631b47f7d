using System.Text;
using System.Text.Json;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Reads Claude Code's <c>--output-format stream-json</c> lines as they pass. Tolerates unknown message
/// types and fields and malformed lines (counted, never fatal).
/// </summary>
/// <param name="keepLines">Keep every well-formed line (to reproduce <c>--output-format json --verbose</c>).</param>
public sealed class StreamJsonObserver(bool keepLines = false)
{
    private static readonly HashSet<string> KnownTypes = ["system", "assistant", "user", "result", "rate_limit_event", "stream_event", "tool_progress", "auth_status", "control_request", "control_response", "control_cancel_request"];

    /// <summary>What the lines seen so far said.</summary>
    public StreamObservation Observation { get; } = new();

    /// <summary>Observes every line of <paramref name="text"/>.</summary>
    public static StreamObservation ReadAll(string text)
    {
        var observer = new StreamJsonObserver();
        foreach (var line in text.Split('\n')) observer.OnLine(line);
        return observer.Observation;
    }

    /// <summary>Reads one line (text); returns its message type, or null when it is not a message.</summary>
    public string? OnLine(string line) => OnLine(Encoding.UTF8.GetBytes(line));

    /// <summary>Reads one line; returns its message type (<c>init</c> for the init event), or null when it is not a message.</summary>
    public string? OnLine(ReadOnlySpan<byte> line)
    {
        line = line.Trim(" \t\r\n"u8);
        if (line.IsEmpty) return null;
        var o = Observation;
        o.Lines++;
        try
        {
            var bytes = line.ToArray();
            using var doc = JsonDocument.Parse(bytes);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object) { o.MalformedLines++; return null; }
            if (keepLines) o.Keep(bytes);
            var type = Str(root, "type");
            switch (type)
            {
                case "system" when Str(root, "subtype") == "init":
                    o.SawInit = true;
                    o.ApiKeySource = Str(root, "apiKeySource");
                    o.ClaudeVersion = Str(root, "claude_code_version");
                    o.Model = Str(root, "model");
                    o.FastModeState = Str(root, "fast_mode_state");
                    o.AddModel(o.Model);
                    o.SessionId ??= Str(root, "session_id");
                    return "init";
                case "assistant":
                    o.AddRequestId(Str(root, "request_id"));
                    if (root.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.Object) o.AddModel(Str(message, "model"));
                    break;
                case "rate_limit_event":
                    o.RateLimitEvent = true;
                    if (root.TryGetProperty("rate_limit_info", out var info) && info.ValueKind == JsonValueKind.Object)
                    {
                        var e = ReadEvent(info);
                        o.Add(e);
                        o.RateLimitStatus = e.Status ?? o.RateLimitStatus;
                        o.RateLimitType = e.Type ?? o.RateLimitType;
                        o.ResetsAt = e.ResetsAt ?? o.ResetsAt;
                        var overage = e.OverageInUse ?? e.IsUsingOverage;
                        if (overage is not null) o.OverageInUse = (o.OverageInUse ?? false) || e.DrawsCredits;
                        if (e.Utilization is { } u) o.Utilization = u;
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
                    if (root.TryGetProperty("modelUsage", out var models) && models.ValueKind == JsonValueKind.Object)
                        foreach (var m in models.EnumerateObject()) o.AddModel(m.Name);
                    var errors = new List<string>();
                    if (root.TryGetProperty("errors", out var errs) && errs.ValueKind == JsonValueKind.Array)
                        foreach (var err in errs.EnumerateArray()) if (err.ValueKind == JsonValueKind.String) errors.Add(err.GetString()!);
                    o.Add(new ResultMessage(Str(root, "subtype"), Bool(root, "is_error") == true, Str(root, "result"), errors, Str(root, "terminal_reason"), bytes));
                    break;
                default:
                    if (type is null || !KnownTypes.Contains(type)) o.UnknownTypes++;
                    break;
            }
            return type;
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException) // InvalidOperationException: a lone surrogate escape
        {
            o.MalformedLines++;
            return null;
        }
    }

    /// <summary>A <c>rate_limit_info</c> object, read tolerantly (missing or oddly typed fields are null).</summary>
    public static RateLimitEvent ReadEvent(JsonElement info)
    {
        Dictionary<string, RateLimitWindow>? windows = null;
        if (info.TryGetProperty("unifiedWindows", out var w) && w.ValueKind == JsonValueKind.Object)
        {
            windows = new Dictionary<string, RateLimitWindow>(StringComparer.Ordinal);
            foreach (var p in w.EnumerateObject())
                if (p.Value.ValueKind == JsonValueKind.Object)
                    windows[p.Name] = new RateLimitWindow(Number(p.Value, "utilization"), Epoch(p.Value, "resetsAt"), Str(p.Value, "status"));
        }
        var type = Str(info, "rateLimitType");
        double? utilization = Number(info, "utilization");
        if (utilization is null && type is not null && windows is not null && windows.TryGetValue(type, out var rep)) utilization = rep.Utilization;
        return new RateLimitEvent(type, Str(info, "status"), utilization, Epoch(info, "resetsAt"), Str(info, "overageStatus"),
            Bool(info, "overageInUse"), Bool(info, "isUsingOverage"), Str(info, "errorCode"), windows);
    }

    private static string? Str(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool? Bool(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind is JsonValueKind.True or JsonValueKind.False ? v.GetBoolean() : null;

    private static long Long(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt64(out var l) ? l : 0;

    private static double? Number(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) && double.IsFinite(d) ? d : null;

    /// <summary>Epoch seconds (milliseconds when implausibly large), as Claude Code writes <c>resetsAt</c>.</summary>
    private static DateTimeOffset? Epoch(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v) || v.ValueKind != JsonValueKind.Number || !v.TryGetDouble(out var s) || !double.IsFinite(s)) return null;
        if (s > 1e11) s /= 1000;
        return s is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds((long)s) : null;
    }
}
