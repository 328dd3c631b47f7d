using System.Globalization;
using System.Text;

namespace SeatGuard.TestKit;

/// <summary>Shape of a generated transcript corpus.</summary>
public sealed record CorpusOptions
{
    public int Seed { get; init; } = 1;
    public int Projects { get; init; } = 3;
    public int SessionsPerProject { get; init; } = 4;
    public int TurnsPerSession { get; init; } = 25;
    /// <summary>When set, sessions are added until the corpus reaches this many bytes (benchmarks).</summary>
    public long? TargetBytes { get; init; }
    public DateTimeOffset Start { get; init; } = new(2025, 10, 1, 8, 0, 0, TimeSpan.Zero);
    /// <summary>Days the sessions are spread over.</summary>
    public int Days { get; init; } = 45;
    /// <summary>Average size of a tool result in a user line.</summary>
    public int ToolResultBytes { get; init; } = 3000;
    /// <summary>
    /// Claude Code writes a tool's output twice on its user line: in <c>message.content</c> and in the top-level
    /// <c>toolUseResult</c> object. False writes it once (an assistant-heavier corpus).
    /// </summary>
    public bool ToolUseResultCopies { get; init; } = true;
    /// <summary>Share of sessions with one tool result of about a megabyte.</summary>
    public double HugeToolResults { get; init; } = 0.05;
    public double StreamedDuplicates { get; init; } = 0.25;
    public double ResumedSessions { get; init; } = 0.3;
    public double Subagents { get; init; } = 0.3;
    public double LongContext { get; init; } = 0.05;
    public double OneHourCache { get; init; } = 0.3;
    /// <summary>Truncated lines (a crash mid-write) per session.</summary>
    public double BrokenLines { get; init; } = 0.3;
    /// <summary>API-error lines (model &lt;synthetic&gt;, zero usage).</summary>
    public bool ApiErrors { get; init; }
    /// <summary>Valid lines written with spaces after ':' and ',' (ccusage 20.0.24 drops them).</summary>
    public bool SpacedLines { get; init; }
    /// <summary>Sidechain copies of a main message under another requestId (ccusage 20.0.24 dedups them in daily only).</summary>
    public bool SidechainReplays { get; init; }
    /// <summary>Assistant lines without requestId (ccusage 20.0.24 dedups them in some reports only).</summary>
    public bool MissingRequestIds { get; init; }
    /// <summary>
    /// Sessions as people run them: one main model (a Haiku call now and then) and bursts of quick turns (seconds
    /// apart, as agentic tool loops go) between longer pauses. False: every turn draws a model and minutes of pause.
    /// </summary>
    public bool RealisticPacing { get; init; }
    /// <summary>Give every file the modification time of its last line, as a real history has (default: the time it was generated).</summary>
    public bool FileTimesFromLines { get; init; }

    /// <summary>Only shapes on which ccusage 20.0.24's reports agree with each other (for parity tests).</summary>
    public static CorpusOptions CcusageCompatible => new();

    /// <summary>Everything, including the shapes where ccusage is inconsistent or wrong.</summary>
    public static CorpusOptions Everything => new() { ApiErrors = true, SpacedLines = true, SidechainReplays = true, MissingRequestIds = true };
}

public sealed record CorpusStats(int Files, long Bytes, int AssistantLines, int BrokenLines);

/// <summary>
/// Writes Claude Code-shaped transcripts under <c>&lt;configDir&gt;/projects/</c>: user lines with tool results,
/// assistant lines with usage, streamed duplicates, resumed sessions that repeat earlier lines in a new file, subagent
/// files under <c>&lt;session&gt;/subagents/</c>, requests over 200k input tokens, 1-hour cache writes and broken lines.
/// Deterministic for a seed. Session ids grow with creation order, so a resumed copy sorts after its original.
/// </summary>
public static class TranscriptCorpus
{
    private static readonly string[] Models =
    [
        "claude-sonnet-4-5-20250929", "claude-sonnet-4-5-20250929", "claude-opus-4-5-20251101", "claude-haiku-4-5-20251001",
        "claude-opus-4-1-20250805", "claude-sonnet-4-20250514",
    ];

    public static CorpusStats Generate(string configDir, CorpusOptions o)
    {
        var rnd = new Random(o.Seed);
        var g = new Generator(configDir, o, rnd);
        int session = 0;
        while (true)
        {
            int project = session % o.Projects;
            g.Session(project, session);
            session++;
            if (o.TargetBytes is { } target) { if (g.Bytes >= target) break; }
            else if (session >= o.Projects * o.SessionsPerProject) break;
        }
        return new CorpusStats(g.Files, g.Bytes, g.Assistant, g.Broken);
    }

    private sealed class Generator(string configDir, CorpusOptions o, Random rnd)
    {
        public int Files, Assistant, Broken;
        public long Bytes;
        private int _ids;
        private readonly List<(string Project, List<string> Lines, DateTimeOffset End)> _finished = [];
        private readonly string _filler = new('x', 4096);

        private Guid Uuid()
        {
            Span<byte> b = stackalloc byte[16];
            rnd.NextBytes(b);
            return new Guid(b);
        }

        private string NextId(string prefix) => prefix + (++_ids).ToString("x8", CultureInfo.InvariantCulture) + rnd.Next().ToString("x8", CultureInfo.InvariantCulture);

        public void Session(int projectIndex, int sessionIndex)
        {
            string project = "-home-dev-project" + projectIndex;
            string sessionId = (sessionIndex + 1).ToString("x8", CultureInfo.InvariantCulture) + "-4e1f-4c1a-9d2b-" + rnd.NextInt64(0, 0xFFFFFFFFFFFF).ToString("x12", CultureInfo.InvariantCulture);
            var t = o.Start.AddMinutes(rnd.Next(0, o.Days * 24 * 60));
            var lines = new List<string>();
            // A resumed session starts by repeating an earlier session's lines of the same project.
            if (rnd.NextDouble() < o.ResumedSessions)
            {
                var earlier = _finished.Where(f => f.Project == project).ToList();
                if (earlier.Count > 0)
                {
                    var prev = earlier[rnd.Next(earlier.Count)];
                    lines.AddRange(prev.Lines);
                    if (prev.End > t) t = prev.End.AddMinutes(rnd.Next(1, 600));
                }
            }
            var own = new List<string>();
            bool huge = rnd.NextDouble() < o.HugeToolResults;
            string cwd = "/home/dev/project" + projectIndex;
            var mainModel = o.RealisticPacing ? Models[rnd.Next(Models.Length)] : "";
            for (int turn = 0; turn < o.TurnsPerSession; turn++)
            {
                t = t.AddSeconds(!o.RealisticPacing ? rnd.Next(5, 400) : rnd.NextDouble() < 0.8 ? rnd.Next(2, 40) : rnd.Next(40, 900));
                if (rnd.NextDouble() < 0.04) t = t.AddHours(rnd.Next(5, 30)); // a pause long enough for a gap block
                int resultBytes = huge && turn == 1 ? 1_000_000 : rnd.Next(o.ToolResultBytes / 4, o.ToolResultBytes * 2);
                own.Add(UserLine(t, sessionId, cwd, resultBytes));
                t = t.AddMilliseconds(rnd.Next(500, 20_000));
                var model = !o.RealisticPacing ? Models[rnd.Next(Models.Length)] : rnd.NextDouble() < 0.9 ? mainModel : "claude-haiku-4-5-20251001";
                string msgId = NextId("msg_01"), reqId = NextId("req_011");
                var usage = RandomUsage(model);
                if (rnd.NextDouble() < o.StreamedDuplicates)
                {
                    // Streaming writes the same message again as output grows; the last copy is the largest.
                    own.Add(AssistantLine(t, sessionId, cwd, msgId, reqId, model, usage with { Output = Math.Max(1, usage.Output / 10) }, false));
                }
                bool noRequest = o.MissingRequestIds && rnd.NextDouble() < 0.05;
                own.Add(AssistantLine(t, sessionId, cwd, msgId, noRequest ? null : reqId, model, usage, false, spaced: o.SpacedLines && rnd.NextDouble() < 0.03));
                if (o.SidechainReplays && rnd.NextDouble() < 0.03)
                    own.Add(AssistantLine(t, sessionId, cwd, msgId, NextId("req_011"), model, usage with { Output = usage.Output + 7 }, true));
                if (o.ApiErrors && rnd.NextDouble() < 0.02)
                    own.Add(AssistantLine(t.AddMilliseconds(1), sessionId, cwd, NextId("msg_01"), NextId("req_011"), "<synthetic>", default, false, apiError: true));
                if (rnd.NextDouble() < o.BrokenLines / o.TurnsPerSession)
                {
                    var full = AssistantLine(t, sessionId, cwd, NextId("msg_01"), NextId("req_011"), model, usage, false);
                    own.Add(full[..(full.Length / 2)]);
                    Broken++;
                }
            }
            lines.AddRange(own);
            Write(Path.Combine(configDir, "projects", project, sessionId + ".jsonl"), lines, t);
            if (rnd.NextDouble() < o.Subagents)
            {
                var sub = new List<string>();
                var st = t.AddMinutes(-rnd.Next(1, 20));
                for (int i = 0; i < Math.Max(2, o.TurnsPerSession / 5); i++)
                {
                    st = st.AddSeconds(rnd.Next(2, 60));
                    var model = Models[rnd.Next(Models.Length)];
                    sub.Add(AssistantLine(st, sessionId, cwd, NextId("msg_01"), NextId("req_011"), model, RandomUsage(model), true));
                }
                Write(Path.Combine(configDir, "projects", project, sessionId, "subagents", "agent-" + NextId("a") + ".jsonl"), sub, st);
            }
            _finished.Add((project, own, t));
        }

        private void Write(string path, List<string> lines, DateTimeOffset lastLine)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var w = new StreamWriter(path, false, new UTF8Encoding(false), 1 << 16))
            {
                foreach (var l in lines) { w.Write(l); w.Write('\n'); Bytes += Encoding.UTF8.GetByteCount(l) + 1; }
            }
            if (o.FileTimesFromLines) File.SetLastWriteTimeUtc(path, lastLine.UtcDateTime.AddSeconds(1));
            Files++;
        }

        private readonly record struct Usage(long Input, long Output, long Cache5m, long Cache1h, long CacheRead, bool Split);

        private Usage RandomUsage(string model)
        {
            bool longContext = model.Contains("sonnet", StringComparison.Ordinal) && rnd.NextDouble() < o.LongContext;
            long read = longContext ? rnd.Next(200_001, 600_000) : rnd.Next(0, 150_000);
            long write = rnd.Next(0, 30_000);
            bool oneHour = rnd.NextDouble() < o.OneHourCache;
            long w1h = oneHour ? rnd.Next(0, (int)write + 1) : 0;
            return new Usage(rnd.Next(1, 5_000), rnd.Next(1, 8_000), write - w1h, w1h, read, rnd.NextDouble() < 0.8 || oneHour);
        }

        private string UserLine(DateTimeOffset t, string session, string cwd, int resultBytes)
        {
            var sb = new StringBuilder(resultBytes + 400);
            sb.Append("{\"parentUuid\":\"").Append(Uuid()).Append("\",\"isSidechain\":false,\"userType\":\"external\",\"cwd\":\"").Append(cwd)
              .Append("\",\"sessionId\":\"").Append(session).Append("\",\"version\":\"2.1.330\",\"gitBranch\":\"main\",\"type\":\"user\",\"message\":{\"role\":\"user\",\"content\":[{\"tool_use_id\":\"toolu_")
              .Append(_ids).Append("\",\"type\":\"tool_result\",\"content\":\"");
            int start = sb.Length;
            int left = resultBytes;
            while (left > 0)
            {
                int n = Math.Min(left, _filler.Length - 64);
                sb.Append(_filler, 0, n).Append("\\n");
                left -= n + 2;
            }
            int end = sb.Length;
            sb.Append("\",\"is_error\":false}]},\"uuid\":\"").Append(Uuid()).Append("\",\"timestamp\":\"").Append(Iso(t)).Append('"');
            if (o.ToolUseResultCopies)
            {
                sb.Append(",\"toolUseResult\":{\"stdout\":\"");
                sb.Append(sb, start, end - start);
                sb.Append("\",\"stderr\":\"\",\"interrupted\":false,\"isImage\":false}");
            }
            sb.Append('}');
            return sb.ToString();
        }

        private string AssistantLine(DateTimeOffset t, string session, string cwd, string msgId, string? reqId, string model, Usage u, bool sidechain,
            bool spaced = false, bool apiError = false)
        {
            Assistant++;
            var sb = new StringBuilder(1024);
            sb.Append("{\"parentUuid\":\"").Append(Uuid()).Append("\",\"isSidechain\":").Append(sidechain ? "true" : "false")
              .Append(",\"userType\":\"external\",\"cwd\":\"").Append(cwd).Append("\",\"sessionId\":\"").Append(session)
              .Append("\",\"version\":\"2.1.330\",\"gitBranch\":\"main\",\"message\":{\"id\":\"").Append(msgId)
              .Append("\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"").Append(model)
              .Append("\",\"content\":[{\"type\":\"text\",\"text\":\"").Append(_filler, 0, rnd.Next(50, 800))
              .Append("\"}],\"stop_reason\":null,\"stop_sequence\":null,\"usage\":{\"input_tokens\":").Append(u.Input)
              .Append(",\"cache_creation_input_tokens\":").Append(u.Cache5m + u.Cache1h)
              .Append(",\"cache_read_input_tokens\":").Append(u.CacheRead);
            if (u.Split) sb.Append(",\"cache_creation\":{\"ephemeral_5m_input_tokens\":").Append(u.Cache5m).Append(",\"ephemeral_1h_input_tokens\":").Append(u.Cache1h).Append('}');
            sb.Append(",\"output_tokens\":").Append(u.Output).Append(",\"service_tier\":\"standard\"}}");
            if (reqId is not null) sb.Append(",\"requestId\":\"").Append(reqId).Append('"');
            if (apiError) sb.Append(",\"isApiErrorMessage\":true");
            sb.Append(",\"type\":\"assistant\",\"uuid\":\"").Append(Uuid()).Append("\",\"timestamp\":\"").Append(Iso(t)).Append("\"}");
            var line = sb.ToString();
            return spaced ? line.Replace("\":", "\": ", StringComparison.Ordinal).Replace(",\"", ", \"", StringComparison.Ordinal) : line;
        }

        private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);
    }
}
