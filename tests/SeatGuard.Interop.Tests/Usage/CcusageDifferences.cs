using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Interop.Tests.Usage;

/// <summary>
/// The documented differences between ccusage 20.0.24 and SeatGuard (docs/usage.md, "Differences from ccusage"),
/// each as a rewrite of a transcript corpus that takes it away: a copy rewritten this way must give ccusage and
/// SeatGuard the same tokens and costs, and every difference on the original must fall on a day or session that a
/// rewrite touched. Each rewrite is named by its row in the docs.
/// </summary>
internal sealed class CcusageDifferences
{
    /// <summary>What one rewrite changed: its name, the UTC day and the session (project, session) it touched.</summary>
    public sealed record Touched(string Difference, string? Day, (string Project, string Session) Session, string File);

    public List<Touched> Touches { get; } = [];

    public const string SpacedJson = "valid line with spaces after ':' and ','";
    public const string Typeless = "line with message.usage but no \"type\":\"assistant\"";
    public const string BadCounts = "token count that is null, a float, negative, a string or beyond 2^31, or input/output count missing";
    public const string Synthetic = "isApiErrorMessage lines (<synthetic>)";
    public const string FarTimestamp = "timestamp outside 1970 … 9999-12-28";
    public const string SidechainReplay = "sidechain copy of a main message under another requestId";
    public const string NoRequestId = "same message.id twice without requestId";
    public const string AgentProgress = "a subagent's responses inside agent_progress events (ccusage counts them in daily only)";
    public const string Layout = "transcript below a session directory other than <session>/subagents/*.jsonl (workflow subagents)";

    /// <summary>Rewrites the config dir's transcripts in place.</summary>
    public void Neutralise(string configDir)
    {
        var projects = Path.Combine(configDir, "projects");
        var files = Directory.GetFiles(projects, "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        var kept = new List<(string File, (string, string) Session, List<(JsonObject? Node, string Text)> Lines)>();
        foreach (var file in files)
        {
            var rel = Path.GetRelativePath(projects, file).Split(Path.DirectorySeparatorChar);
            var session = (rel[0], rel.Length == 2 ? Path.GetFileNameWithoutExtension(rel[1]) : rel[1]);
            var lines = new List<(JsonObject?, string)>();
            foreach (var text in File.ReadAllLines(file))
            {
                JsonObject? node = null;
                try { node = JsonNode.Parse(text) as JsonObject; } catch (JsonException) { }
                if (node is null) { lines.Add((null, text)); continue; }
                string? day = Day(node);
                var line = text;
                var stripped = StripWhitespace(text);
                if (stripped != text) { Touch(SpacedJson, day, session, file); line = stripped; }
                if (Record(node) is var (record, message, usage, typed))
                {
                    day = Day(record) ?? day;
                    if (!typed) { Touch(Typeless, day, session, file); continue; }
                    if (!ReferenceEquals(record, node)) { Touch(AgentProgress, day, session, file); continue; }
                    if (record["isApiErrorMessage"]?.GetValueKind() == JsonValueKind.True || Text(message["model"]) == "<synthetic>") { Touch(Synthetic, day, session, file); continue; }
                    if (!CountsValid(usage)) { Touch(BadCounts, day, session, file); continue; }
                    if (day is null || string.CompareOrdinal(day, "1970-01-01") < 0 || string.CompareOrdinal(day, "9999-12-28") > 0) { Touch(FarTimestamp, day, session, file); continue; }
                }
                lines.Add((node, line));
            }
            kept.Add((file, session, lines));
        }

        // The duplicate rules ccusage applies in some reports only.
        var main = kept.SelectMany(f => f.Lines).Where(l => l.Node is { } n && IsUsage(n) && n["isSidechain"]?.GetValueKind() != JsonValueKind.True)
            .Select(l => MessageId(l.Node!)).Where(id => id is not null).ToHashSet();
        var bestWithoutRequest = new Dictionary<string, (long Tokens, string File, int Index)>();
        foreach (var (file, _, lines) in kept)
        {
            for (int i = 0; i < lines.Count; i++)
            {
                if (lines[i].Node is not { } n || !IsUsage(n) || n["requestId"] is not null || MessageId(n) is not { } id) continue;
                long tokens = Tokens(n);
                if (!bestWithoutRequest.TryGetValue(id, out var best) || tokens > best.Tokens) bestWithoutRequest[id] = (tokens, file, i);
            }
        }
        foreach (var (file, session, lines) in kept)
        {
            var output = new StringBuilder();
            for (int i = 0; i < lines.Count; i++)
            {
                var (n, text) = lines[i];
                if (n is not null && IsUsage(n) && MessageId(n) is { } id)
                {
                    if (n["isSidechain"]?.GetValueKind() == JsonValueKind.True && main.Contains(id)) { Touch(SidechainReplay, Day(n), session, file); continue; }
                    if (n["requestId"] is null && bestWithoutRequest.TryGetValue(id, out var best) && (best.File != file || best.Index != i)) { Touch(NoRequestId, Day(n), session, file); continue; }
                }
                output.Append(text).Append('\n');
            }
            File.WriteAllText(file, output.ToString());
        }

        // Files outside Claude Code's two layouts move to <session>/subagents/ (ccusage names their session after their own folder).
        foreach (var file in files)
        {
            var rel = Path.GetRelativePath(projects, file).Split(Path.DirectorySeparatorChar);
            if (rel.Length == 2 || rel.Length == 4 && rel[2] == "subagents") continue;
            var session = (rel[0], rel[1]);
            foreach (var text in File.ReadAllLines(file))
            {
                try { if (JsonNode.Parse(text) is JsonObject o) Touch(Layout, Day(o), session, file); } catch (JsonException) { }
            }
            Touch(Layout, null, session, file);
            var target = Path.Combine(projects, rel[0], rel[1], "subagents", string.Join('-', rel[2..]));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Move(file, target);
        }
    }

    private void Touch(string what, string? day, (string, string) session, string file) => Touches.Add(new Touched(what, day, session, file));

    private static bool IsUsage(JsonObject n) => n["message"] is JsonObject m && m["usage"] is JsonObject;

    /// <summary>
    /// The record of a line that carries usage: the line itself, or the one nested in a progress event's
    /// <c>data.message</c>; <c>Typed</c> when it is as Claude Code writes one (an assistant line, or an assistant record in a
    /// "progress" event), which is all SeatGuard counts. ccusage counts any of them.
    /// </summary>
    private static (JsonObject Record, JsonObject Message, JsonObject Usage, bool Typed)? Record(JsonObject line)
    {
        if (line["message"] is JsonObject m && m["usage"] is JsonObject u) return (line, m, u, Text(line["type"]) == "assistant");
        if (line["data"] is JsonObject data && data["message"] is JsonObject record && record["message"] is JsonObject nm && nm["usage"] is JsonObject nu)
            return (record, nm, nu, Text(line["type"]) == "progress" && Text(record["type"]) == "assistant");
        return null;
    }

    private static string? MessageId(JsonObject n) => n["message"] is JsonObject m ? Text(m["id"]) : null;

    private static long Tokens(JsonObject n)
    {
        if (n["message"]?["usage"] is not JsonObject u) return 0;
        long sum = 0;
        foreach (var k in new[] { "input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens" })
            if (u[k] is JsonValue v && v.TryGetValue<long>(out var x)) sum += x;
        return sum;
    }

    private static string? Text(JsonNode? n) => n is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;

    private static string? Day(JsonObject n) =>
        Text(n["timestamp"]) is { } t && DateTimeOffset.TryParse(t, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at)
            ? at.UtcDateTime.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null;

    /// <summary>Every count an integer from 0 to 2^31-1, and input and output present (ccusage drops the line otherwise; SeatGuard counts null as 0 and a missing count as 0).</summary>
    private static bool CountsValid(JsonObject usage)
    {
        string[] fields = ["input_tokens", "output_tokens", "cache_creation_input_tokens", "cache_read_input_tokens"];
        bool any = fields.Any(f => usage.ContainsKey(f)) || usage["cache_creation"] is JsonObject;
        if (!any) return true; // "usage":{}: neither counts it
        if (!usage.ContainsKey("input_tokens") || !usage.ContainsKey("output_tokens")) return false;
        IEnumerable<JsonNode?> values = fields.Where(usage.ContainsKey).Select(f => usage[f]);
        if (usage["cache_creation"] is JsonObject cc) values = values.Concat(cc.Where(p => p.Key.StartsWith("ephemeral_", StringComparison.Ordinal)).Select(p => p.Value));
        foreach (var v in values)
        {
            if (v is not JsonValue jv || jv.GetValueKind() != JsonValueKind.Number) return false;
            var raw = jv.ToJsonString();
            if (!long.TryParse(raw, out var n) || n < 0 || n > int.MaxValue) return false;
        }
        return true;
    }

    /// <summary>The line without whitespace between JSON tokens (strings unchanged).</summary>
    private static string StripWhitespace(string line)
    {
        var sb = new StringBuilder(line.Length);
        bool inString = false, escaped = false;
        foreach (var c in line)
        {
            if (inString)
            {
                sb.Append(c);
                if (escaped) escaped = false;
                else if (c == '\\') escaped = true;
                else if (c == '"') inString = false;
            }
            else if (c == '"') { inString = true; sb.Append(c); }
            else if (c is not (' ' or '\t' or '\r')) sb.Append(c);
        }
        return sb.ToString();
    }
}
