using System.Runtime.CompilerServices;
using System.Text.Json;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Streams a transcript file as UTF-8 bytes. Lines are split with a vectorised search for '\n'; only lines that contain
/// both <c>"assistant"</c> and <c>"usage"</c> (again a vectorised search) are parsed, with <see cref="Utf8JsonReader"/>
/// and no DOM. Other lines are only checked to look like a JSON object ('{' … '}'), so a truncated line is counted as
/// malformed without parsing every tool result.
/// </summary>
public static class TranscriptParser
{
    private const int InitialBuffer = 1 << 20;
    private const int ReadChunk = 128 << 10;
    [ThreadStatic] private static byte[]? t_buffer;

    // Files are read with read() into a reused buffer rather than memory-mapped: mapping saved ~5% CPU, but a
    // transcript truncated while mapped would crash the process (SIGBUS), and a report must never crash.
    // Opened through SafeFile: a FIFO, socket or device named *.jsonl is refused (UnreadableFileException), never read.
    /// <summary>Reads the usage entries of one transcript (a <c>.jsonl</c> file) from byte <paramref name="startOffset"/> on, stopping at the last complete line; throws when the file is missing or not a regular file.</summary>
    public static FileScan Scan(string path, TranscriptSource source, long startOffset = 0)
    {
        using var handle = Common.Files.SafeFile.OpenRegular(path) ?? throw new FileNotFoundException("transcript vanished", path);
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        if (startOffset > stream.Length) startOffset = 0;
        if (startOffset > 0) stream.Seek(startOffset, SeekOrigin.Begin);
        return Scan(stream, source, startOffset);
    }

    /// <summary>Reads the stream's usage entries from <paramref name="startOffset"/> on.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static FileScan Scan(Stream stream, TranscriptSource source, long startOffset = 0)
    {
        long remaining = stream.CanSeek ? Math.Max(0, stream.Length - stream.Position) : 0;
        var state = new LineState(source);
        // One buffer per thread, reused across files (it grows to the longest line seen): no per-file allocation.
        // Sized to what is left to read (an append of a line costs no megabyte of fresh, zeroed memory), at most 1 MB.
        int want = (int)Math.Clamp(stream.CanSeek ? remaining + 1 : InitialBuffer, 16 * 1024, InitialBuffer);
        byte[] buffer = t_buffer is { } kept && kept.Length >= want ? kept : (t_buffer = new byte[want]);
        try
        {
            int filled = 0;
            long bufferStartOffset = startOffset; // file offset of buffer[0]
            while (true)
            {
                if (filled == buffer.Length)
                {
                    var bigger = new byte[buffer.Length * 2];
                    buffer.AsSpan(0, filled).CopyTo(bigger);
                    buffer = bigger;
                }
                // At most 128 KB a read: the lines are parsed while the bytes just copied are still in the core's cache.
                int read = stream.Read(buffer, filled, Math.Min(buffer.Length - filled, ReadChunk));
                if (read == 0) break;
                int scanFrom = filled;
                filled += read;
                int consumed = 0;
                var span = buffer.AsSpan(0, filled);
                while (true)
                {
                    int nl = span[scanFrom..].IndexOf((byte)'\n');
                    if (nl < 0) break;
                    int end = scanFrom + nl;
                    state.Line(span[consumed..end]);
                    consumed = end + 1;
                    scanFrom = consumed;
                }
                if (consumed > 0)
                {
                    span[consumed..].CopyTo(buffer);
                    filled -= consumed;
                    bufferStartOffset += consumed;
                }
            }
            return state.Finish(buffer.AsSpan(0, filled), bufferStartOffset);
        }
        finally
        {
            // Keep a grown buffer only up to 16 MB; a rare giant line should not pin memory for the rest of the run.
            t_buffer = buffer.Length <= 16 << 20 ? buffer : null;
        }
    }

    private static bool IsBlank(ReadOnlySpan<byte> s) => s.Trim(" \t\r\n"u8).IsEmpty;

    // Entries are collected in one list per thread, reused across files, and copied into a list of exactly their
    // number at the end of a file: growing each file's own list by doubling allocated (and the kernel zeroed) three
    // times the memory the entries need, a third of a cold run's page faults.
    [ThreadStatic] private static List<UsageEntry>? t_entries;
    private const int KeptScratchEntries = 1 << 16;

    private sealed class LineState(TranscriptSource source)
    {
        public readonly List<UsageEntry> Entries = TakeScratch();
        public int Malformed;
        private readonly List<(byte[] Bytes, string Name)> _models = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public void Line(ReadOnlySpan<byte> line)
        {
            var outcome = Classify(line);
            if (outcome == Outcome.Malformed) Malformed++;
        }

        /// <summary>
        /// The result, given what follows the last newline: an unterminated last line counts when it is complete JSON;
        /// otherwise it may still be being written, so the resume offset stays before it.
        /// </summary>
        public FileScan Finish(ReadOnlySpan<byte> tail, long tailOffset)
        {
            bool whole = tail.IsEmpty || TryTail(tail);
            var entries = new List<UsageEntry>(Entries.Count);
            entries.AddRange(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Entries));
            ReturnScratch(Entries);
            return whole ? new FileScan(entries, Malformed, tailOffset + tail.Length, false) : new FileScan(entries, Malformed, tailOffset, !IsBlank(tail));
        }

        private static List<UsageEntry> TakeScratch()
        {
            var scratch = t_entries ?? new List<UsageEntry>(256);
            t_entries = null; // a scan that throws leaves it to the collector
            scratch.Clear();
            return scratch;
        }

        private static void ReturnScratch(List<UsageEntry> scratch)
        {
            // Kept up to 64k entries (~6 MB); a rare giant transcript's list is not pinned for the rest of the run.
            if (scratch.Capacity <= KeptScratchEntries) t_entries = scratch;
        }

        /// <summary>True when the unterminated tail is a complete line (counted); false when it looks truncated.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool TryTail(ReadOnlySpan<byte> line)
        {
            if (IsBlank(line)) return true;
            // Parse it fully: the cheap shape test cannot tell a truncated line that happens to end with '}'.
            return ParseCandidate(line.Trim(" \t\r"u8)) != Outcome.Malformed;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Outcome Classify(ReadOnlySpan<byte> line)
        {
            line = line.Trim(" \t\r"u8);
            if (line.IsEmpty) return Outcome.Ignored;
            if (line[0] != (byte)'{' || line[^1] != (byte)'}') return Outcome.Malformed;
            if (IsUserLine(line)) return Outcome.Ignored;
            // "usage" is near the end of an assistant line (after the content): searched from the end.
            if (line.IndexOf("\"assistant\""u8) < 0 || line.LastIndexOf("\"usage\""u8) < 0) return Outcome.Ignored;
            return ParseCandidate(line);
        }

        /// <summary>
        /// A user line (most of a transcript's bytes: tool results, written twice) as Claude Code writes it: the
        /// top-level <c>"type":"user"</c> comes before <c>"message"</c>, within the first kilobyte. Such a line is
        /// skipped without searching the rest of it; any other shape falls through to the full search.
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool IsUserLine(ReadOnlySpan<byte> line)
        {
            var head = line[..Math.Min(line.Length, 1024)];
            // The first "message" bounds where the type may start (it may not come after a whole "message"): an
            // assistant line, whose message comes early, is not searched to its first kilobyte for a user type.
            int message = head.IndexOf("\"message\""u8);
            if (message >= 0) head = head[..Math.Min(head.Length, message + "\"message\"".Length - 1 + "\"type\":\"user\"".Length)];
            int type = head.IndexOf("\"type\":\"user\""u8);
            return type >= 0 && (message < 0 || type < message + "\"message\"".Length);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Outcome ParseCandidate(ReadOnlySpan<byte> line)
        {
            try
            {
                return Parse(line);
            }
            catch (Exception e) when (e is JsonException or InvalidOperationException) // a lone surrogate escape in a string: a malformed line, not a crash
            {
                return Outcome.Malformed;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private Outcome Parse(ReadOnlySpan<byte> line)
        {
            var reader = new Utf8JsonReader(line, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 256 });
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject) return Outcome.Malformed;
            var top = new RecordFields();
            var nested = new RecordFields();
            ReadRecord(ref reader, ref top, ref nested, topLevel: true);
            // Nothing may follow the object.
            if (reader.Read()) return Outcome.Malformed;
            if (top.Assistant) return Emit(ref top);
            // Claude Code 2.1.x also writes a subagent's responses into the parent transcript as "agent_progress"
            // events ({"type":"progress","data":{"type":"agent_progress","message":{"type":"assistant",…}}}): requests
            // of their own (their ids match the subagent file's copies, so the duplicate rules count each once).
            if (top.Progress && nested.Assistant)
            {
                if (!nested.HasTimestamp) (nested.HasTimestamp, nested.TimestampMs) = (top.HasTimestamp, top.TimestampMs);
                return Emit(ref nested);
            }
            return Outcome.Ignored;
        }

        private Outcome Emit(ref RecordFields r)
        {
            ref var msg = ref r.Msg;
            if (r.Usage == UsageShape.Absent || r.ApiError || !r.HasTimestamp) return Outcome.Ignored;
            // A counted line must have counts that are counts: a float, negative, string or oversized value is not coerced.
            if (r.Usage == UsageShape.Invalid || r.TimestampMs < MinTimestampMs || r.TimestampMs > MaxTimestampMs) return Outcome.Malformed;
            // "usage":{} (no token field at all) and Claude Code's own <synthetic> placeholder lines are not requests.
            if (r.Usage == UsageShape.NoTokens || msg.Model == SyntheticModel) return Outcome.Ignored;

            var flags = UsageEntryFlags.None;
            if (r.Sidechain) flags |= UsageEntryFlags.Sidechain;
            if (msg.HasSpeed) flags |= UsageEntryFlags.HasSpeed;
            if (msg.Fast) flags |= UsageEntryFlags.Fast;
            if (msg.MessageHash != 0) flags |= UsageEntryFlags.HasMessageId;
            if (r.HasRequest) flags |= UsageEntryFlags.HasRequestId;
            if (!double.IsNaN(r.Cost)) flags |= UsageEntryFlags.HasCostUsd;
            ulong key = msg.MessageHash == 0 ? 0 : r.HasRequest ? Combine(msg.MessageHash, r.RequestHash) : msg.MessageHash;
            Entries.Add(new UsageEntry
            {
                TimestampMs = r.TimestampMs,
                Source = source,
                Model = msg.Model ?? "",
                MessageKey = msg.MessageHash,
                DedupKey = key,
                Flags = flags,
                InputTokens = msg.Input,
                OutputTokens = msg.Output,
                CacheWrite5mTokens = msg.HasSplit ? msg.Split5m : msg.CacheCreation,
                CacheWrite1hTokens = msg.HasSplit ? msg.Split1h : 0,
                CacheReadTokens = msg.CacheRead,
                CostUsd = r.Cost,
                InferenceGeo = msg.Geo,
                WebSearchRequests = msg.WebSearch,
            });
            return Outcome.Counted;
        }

        /// <summary>
        /// The fields of one transcript record (a line, or the record nested in an agent_progress event's
        /// <c>data.message</c>, read into <paramref name="nested"/> when <paramref name="topLevel"/>).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void ReadRecord(ref Utf8JsonReader reader, ref RecordFields r, ref RecordFields nested, bool topLevel)
        {
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                // A property name. Dispatch on the raw name (never escaped in practice).
                var name = Name(ref reader);
                if (name.SequenceEqual("type"u8))
                {
                    reader.Read();
                    r.Assistant = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("assistant"u8);
                    r.Progress = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("progress"u8);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("timestamp"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) r.HasTimestamp = ReadTimestamp(ref reader, out r.TimestampMs);
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("requestId"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) { r.RequestHash = HashValue(ref reader); r.HasRequest = true; }
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("isSidechain"u8))
                {
                    reader.Read();
                    r.Sidechain = reader.TokenType == JsonTokenType.True;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("isApiErrorMessage"u8))
                {
                    reader.Read();
                    r.ApiError = reader.TokenType == JsonTokenType.True;
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("costUSD"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.Number) r.Cost = reader.GetDouble();
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("message"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject) r.Usage = ReadMessage(ref reader, ref r.Msg);
                    else if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                }
                else if (topLevel && name.SequenceEqual("data"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject) { if (reader.TokenType == JsonTokenType.StartArray) reader.Skip(); continue; }
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var inner = Name(ref reader);
                        reader.Read();
                        if (inner.SequenceEqual("message"u8) && reader.TokenType == JsonTokenType.StartObject)
                        {
                            var none = new RecordFields();
                            ReadRecord(ref reader, ref nested, ref none, topLevel: false);
                        }
                        else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                    }
                }
                else
                {
                    reader.Skip(); // a property name: skips its whole value
                }
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private UsageShape ReadMessage(ref Utf8JsonReader reader, ref MessageFields msg)
        {
            var usage = UsageShape.Absent;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = Name(ref reader);
                if (name.SequenceEqual("id"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) msg.MessageHash = HashValue(ref reader);
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("model"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String) msg.Model = Intern(ref reader);
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("usage"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject) usage = ReadUsage(ref reader, ref msg);
                    else if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                }
                else
                {
                    reader.Skip();
                }
            }
            return usage;
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private UsageShape ReadUsage(ref Utf8JsonReader reader, ref MessageFields msg)
        {
            bool tokens = false, valid = true;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
            {
                var name = Name(ref reader);
                if (name.SequenceEqual("input_tokens"u8)) { tokens = true; valid &= ReadCount(ref reader, out msg.Input); }
                else if (name.SequenceEqual("output_tokens"u8)) { tokens = true; valid &= ReadCount(ref reader, out msg.Output); }
                else if (name.SequenceEqual("cache_creation_input_tokens"u8)) { tokens = true; valid &= ReadCount(ref reader, out msg.CacheCreation); }
                else if (name.SequenceEqual("cache_read_input_tokens"u8)) { tokens = true; valid &= ReadCount(ref reader, out msg.CacheRead); }
                else if (name.SequenceEqual("speed"u8))
                {
                    reader.Read();
                    msg.HasSpeed = reader.TokenType != JsonTokenType.Null;
                    msg.Fast = reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("fast"u8);
                    if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("inference_geo"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length > 0 && !reader.ValueTextEquals("not_available"u8)) msg.Geo = Intern(ref reader);
                    else if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray) reader.Skip();
                }
                else if (name.SequenceEqual("server_tool_use"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject) { if (reader.TokenType == JsonTokenType.StartArray) reader.Skip(); continue; }
                    while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                    {
                        var inner = Name(ref reader);
                        // Not a token count: an odd value is ignored rather than making the line malformed.
                        if (inner.SequenceEqual("web_search_requests"u8) && ReadCount(ref reader, out long searches)) msg.WebSearch = (int)searches;
                        else if (!inner.SequenceEqual("web_search_requests"u8)) reader.Skip();
                    }
                }
                else if (name.SequenceEqual("cache_creation"u8))
                {
                    reader.Read();
                    if (reader.TokenType == JsonTokenType.StartObject)
                    {
                        msg.HasSplit = true;
                        tokens = true;
                        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
                        {
                            var inner = Name(ref reader);
                            if (inner.SequenceEqual("ephemeral_5m_input_tokens"u8)) valid &= ReadCount(ref reader, out msg.Split5m);
                            else if (inner.SequenceEqual("ephemeral_1h_input_tokens"u8)) valid &= ReadCount(ref reader, out msg.Split1h);
                            else reader.Skip();
                        }
                    }
                    else if (reader.TokenType == JsonTokenType.StartArray) reader.Skip();
                }
                else
                {
                    reader.Skip();
                }
            }
            return !valid ? UsageShape.Invalid : tokens ? UsageShape.Tokens : UsageShape.NoTokens;
        }

        /// <summary>The current property name's bytes (unescaped when it was written with escapes).</summary>
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private static ReadOnlySpan<byte> Name(ref Utf8JsonReader reader) =>
            reader.ValueIsEscaped ? System.Text.Encoding.UTF8.GetBytes(reader.GetString()!) : reader.ValueSpan;

        /// <summary>ISO 8601 timestamp as Claude Code writes it (<c>2025-11-20T10:00:01.123Z</c>) fast; anything else via the reader.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool ReadTimestamp(ref Utf8JsonReader reader, out long unixMs)
        {
            var v = reader.ValueSpan;
            if (!reader.ValueIsEscaped && v.Length == 24 && v[4] == '-' && v[7] == '-' && v[10] == 'T' && v[13] == ':' && v[16] == ':' && v[19] == '.' && v[23] == 'Z'
                && Digits(v, 0, 4, out int year) && Digits(v, 5, 2, out int month) && Digits(v, 8, 2, out int day) && Digits(v, 11, 2, out int hour)
                && Digits(v, 14, 2, out int minute) && Digits(v, 17, 2, out int second) && Digits(v, 20, 3, out int ms)
                && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(Math.Max(1, year), month) && hour < 24 && minute < 60 && second < 60 && year >= 1)
            {
                long days = new DateOnly(year, month, day).DayNumber - UnixEpochDay;
                unixMs = ((days * 24 + hour) * 60 + minute) * 60_000L + second * 1000L + ms;
                return true;
            }
            if (reader.TryGetDateTimeOffset(out var t)) { unixMs = t.ToUnixTimeMilliseconds(); return true; }
            unixMs = 0;
            return false;
        }

        private static readonly int UnixEpochDay = new DateOnly(1970, 1, 1).DayNumber;

        private static bool Digits(ReadOnlySpan<byte> s, int start, int count, out int value)
        {
            value = 0;
            for (int i = start; i < start + count; i++)
            {
                int d = s[i] - '0';
                if ((uint)d > 9) return false;
                value = value * 10 + d;
            }
            return true;
        }

        /// <summary>
        /// A token count: an integer from 0 to 2^31-1, or null (the API sends null for an absent cache count). Anything
        /// else — a float, a negative or larger number, a string, an object — is not a count (false).
        /// </summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static bool ReadCount(ref Utf8JsonReader reader, out long value)
        {
            value = 0;
            reader.Read();
            switch (reader.TokenType)
            {
                case JsonTokenType.Number:
                    if (reader.TryGetInt64(out var n) && n >= 0 && n <= int.MaxValue) { value = n; return true; }
                    return false;
                case JsonTokenType.Null:
                    return true;
                case JsonTokenType.StartObject or JsonTokenType.StartArray:
                    reader.Skip();
                    return false;
                default:
                    return false;
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong HashValue(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped && !reader.HasValueSequence) return StableHash.Of(reader.ValueSpan);
            return StableHash.Of(reader.GetString()!);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private static ulong Combine(ulong message, ulong request)
        {
            Span<byte> both = stackalloc byte[16];
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(both, message);
            System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(both[8..], request);
            return StableHash.Of(both);
        }

        /// <summary>A model or region name: a session uses a handful, so their bytes are remembered and a line allocates nothing.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private string Intern(ref Utf8JsonReader reader)
        {
            if (!reader.ValueIsEscaped)
            {
                var span = reader.ValueSpan;
                foreach (var (bytes, name) in _models)
                {
                    if (span.SequenceEqual(bytes)) return name;
                }
            }
            var model = string.Intern(reader.GetString()!);
            if (!reader.ValueIsEscaped && _models.Count < 32) _models.Add((reader.ValueSpan.ToArray(), model));
            return model;
        }
    }

    private struct MessageFields
    {
        public ulong MessageHash;
        public string? Model, Geo;
        public long Input, Output, CacheCreation, CacheRead, Split5m, Split1h;
        public int WebSearch;
        public bool HasSplit, HasSpeed, Fast;
    }

    private enum Outcome { Ignored, Counted, Malformed }

    /// <summary>What one record of a line says (see <c>ReadRecord</c>).</summary>
    private struct RecordFields
    {
        public bool Assistant, Progress, ApiError, Sidechain, HasTimestamp, HasRequest;
        public long TimestampMs;
        public ulong RequestHash;
        public double Cost;
        public MessageFields Msg;
        public UsageShape Usage;

        public RecordFields() => Cost = double.NaN;
    }

    /// <summary>What a line's <c>message.usage</c> holds.</summary>
    private enum UsageShape { Absent, NoTokens, Tokens, Invalid }

    /// <summary>Claude Code's model name for lines it writes itself (API errors, interruptions): not a request.</summary>
    private const string SyntheticModel = "<synthetic>";

    // Timestamps outside 1970 … 9999-12-29 are not real request times; they would overflow day and block arithmetic.
    private static readonly long MinTimestampMs = 0;
    private static readonly long MaxTimestampMs = new DateTimeOffset(9999, 12, 29, 0, 0, 0, TimeSpan.Zero).ToUnixTimeMilliseconds();
}
