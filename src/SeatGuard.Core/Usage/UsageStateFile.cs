using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The usage store's state on disk: <c>usage-state.bin</c> (the files applied, the cells and their tables, the
/// generation and the index generation it goes with) and <c>usage-times.bin</c> (every cell's entry times, read only
/// when an update removes entries). Both are replaced atomically and carry the generation, so a pair written by
/// different updates is detected and rebuilt. Compact binary with 7-bit varints; a damaged file reads as null.
/// </summary>
internal static class UsageStateFile
{
    private static ReadOnlySpan<byte> StateMagic => "SGSTATE2"u8;
    private static ReadOnlySpan<byte> TimesMagic => "SGTIMES2"u8;

    public static string StatePath(string dir) => Path.Combine(dir, "usage-state.bin");
    public static string TimesPath(string dir) => Path.Combine(dir, "usage-times.bin");

    internal sealed class State
    {
        public ulong Generation;
        public ulong IndexGeneration;
        public required UsageCells Cells;
        public List<StoredFile> Files = [];
        public int NextFileId;
    }

    public static void Write(string dir, State s)
    {
        var c = s.Cells;
        using (var ms = new MemoryStream(1 << 20))
        using (var w = new BinaryWriter(ms))
        {
            w.Write(StateMagic);
            w.Write(s.Generation);
            w.Write(s.IndexGeneration);
            w.Write7BitEncodedInt(s.NextFileId);
            w.Write7BitEncodedInt(c.Thresholds.Length);
            foreach (var t in c.Thresholds) w.Write7BitEncodedInt64(t);
            w.Write7BitEncodedInt(s.Files.Count);
            foreach (var f in s.Files)
            {
                w.Write7BitEncodedInt(f.Id);
                w.Write(f.Source.Path);
                w.Write(f.Source.Project);
                w.Write(f.Source.SessionId);
                w.Write(f.Source.IsSubagent);
                w.Write7BitEncodedInt64(f.Size);
                w.Write(f.MtimeTicks);
                w.Write(f.Device);
                w.Write(f.Inode);
                w.Write7BitEncodedInt64(f.Offset);
                w.Write(f.HeadHash);
                w.Write(f.TailHash);
                w.Write7BitEncodedInt(f.Malformed);
                w.Write(f.TailMalformed);
                w.Write7BitEncodedInt(f.EntryCount);
            }
            w.Write7BitEncodedInt(c.Sessions.Count);
            foreach (var (p, id) in c.Sessions) { w.Write(p); w.Write(id); }
            w.Write7BitEncodedInt(c.Models.Count);
            foreach (var m in c.Models) w.Write(m);
            w.Write7BitEncodedInt(c.Geos.Count - 1);
            for (int i = 1; i < c.Geos.Count; i++) w.Write(c.Geos[i]!);
            var raw = c.Raw;
            w.Write7BitEncodedInt(raw.Count);
            foreach (var x in raw)
            {
                w.Write7BitEncodedInt64(x.Slot);
                w.Write7BitEncodedInt(x.Session);
                w.Write7BitEncodedInt(x.Model);
                w.Write7BitEncodedInt(x.Geo);
                w.Write(x.Flags);
                w.Write(x.PromptClass);
                w.Write7BitEncodedInt(x.Count);
                w.Write7BitEncodedInt64(x.Count > 0 ? x.MinMs : 0);
                w.Write7BitEncodedInt64(x.Count > 0 ? x.MaxMs - x.MinMs : 0);
                w.Write7BitEncodedInt64(x.Input);
                w.Write7BitEncodedInt64(x.Output);
                w.Write7BitEncodedInt64(x.Cache5m);
                w.Write7BitEncodedInt64(x.Cache1h);
                w.Write7BitEncodedInt64(x.CacheRead);
                w.Write7BitEncodedInt64(x.WebSearch);
                w.Write7BitEncodedInt64(x.InputAbove);
                w.Write7BitEncodedInt64(x.OutputAbove);
                w.Write7BitEncodedInt64(x.Cache5mAbove);
                w.Write7BitEncodedInt64(x.Cache1hAbove);
                w.Write7BitEncodedInt64(x.CacheReadAbove);
                w.Write(x.CostUsdNanos);
            }
            w.Flush();
            AtomicFile.WriteAllBytes(StatePath(dir), ms.GetBuffer().AsSpan(0, (int)ms.Length), PrivateFile.Mode, durable: false);
        }
        if (!c.TrackTimes) return;
        using (var ms = new MemoryStream(1 << 20))
        using (var w = new BinaryWriter(ms))
        {
            w.Write(TimesMagic);
            w.Write(s.Generation);
            var raw = c.Raw;
            w.Write7BitEncodedInt(raw.Count);
            for (int i = 0; i < raw.Count; i++)
            {
                var times = c.TimesOf(i) ?? [];
                w.Write7BitEncodedInt(times.Count);
                long last = times.Count > 0 ? times[0] : 0;
                if (times.Count > 0) w.Write7BitEncodedInt64(last);
                for (int k = 1; k < times.Count; k++) { w.Write7BitEncodedInt64(times[k] - last); last = times[k]; }
            }
            w.Flush();
            AtomicFile.WriteAllBytes(TimesPath(dir), ms.GetBuffer().AsSpan(0, (int)ms.Length), PrivateFile.Mode, durable: false);
        }
    }

    /// <summary>The state, or null when there is none or it cannot be read. With <paramref name="withTimes"/>, also the entry times (null when they do not match).</summary>
    public static State? Read(string dir, bool withTimes)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(StatePath(dir)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        try
        {
            using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
            if (!r.ReadBytes(8).AsSpan().SequenceEqual(StateMagic)) return null;
            ulong generation = r.ReadUInt64(), indexGeneration = r.ReadUInt64();
            int nextFileId = r.Read7BitEncodedInt();
            var thresholds = new long[r.Read7BitEncodedInt()];
            for (int i = 0; i < thresholds.Length; i++) thresholds[i] = r.Read7BitEncodedInt64();
            int fileCount = r.Read7BitEncodedInt();
            var files = new List<StoredFile>(fileCount);
            for (int i = 0; i < fileCount; i++)
            {
                int id = r.Read7BitEncodedInt();
                var source = new TranscriptSource(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadBoolean());
                files.Add(new StoredFile
                {
                    Id = id, Source = source, Size = r.Read7BitEncodedInt64(), MtimeTicks = r.ReadInt64(), Device = r.ReadUInt64(), Inode = r.ReadUInt64(),
                    Offset = r.Read7BitEncodedInt64(), HeadHash = r.ReadUInt64(), TailHash = r.ReadUInt64(), Malformed = r.Read7BitEncodedInt(),
                    TailMalformed = r.ReadBoolean(), EntryCount = r.Read7BitEncodedInt(),
                });
            }
            var sessions = new (string, string)[r.Read7BitEncodedInt()];
            for (int i = 0; i < sessions.Length; i++) sessions[i] = (r.ReadString(), r.ReadString());
            var models = new string[r.Read7BitEncodedInt()];
            for (int i = 0; i < models.Length; i++) models[i] = string.Intern(r.ReadString());
            var geos = new string[r.Read7BitEncodedInt()];
            for (int i = 0; i < geos.Length; i++) geos[i] = string.Intern(r.ReadString());
            int cellCount = r.Read7BitEncodedInt();
            List<List<long>>? times = withTimes ? ReadTimes(dir, generation, cellCount) : null;
            if (withTimes && times is null) return null;
            var cells = new UsageCells(thresholds, trackTimes: withTimes);
            cells.RestoreTables(sessions, models, geos);
            for (int i = 0; i < cellCount; i++)
            {
                var x = new UsageCell
                {
                    Slot = r.Read7BitEncodedInt64(), Session = r.Read7BitEncodedInt(), Model = r.Read7BitEncodedInt(), Geo = r.Read7BitEncodedInt(),
                    Flags = r.ReadByte(), PromptClass = r.ReadByte(), Count = r.Read7BitEncodedInt(),
                };
                long min = r.Read7BitEncodedInt64(), span = r.Read7BitEncodedInt64();
                x.MinMs = x.Count > 0 ? min : long.MaxValue;
                x.MaxMs = x.Count > 0 ? min + span : long.MinValue;
                x.Input = r.Read7BitEncodedInt64(); x.Output = r.Read7BitEncodedInt64(); x.Cache5m = r.Read7BitEncodedInt64();
                x.Cache1h = r.Read7BitEncodedInt64(); x.CacheRead = r.Read7BitEncodedInt64(); x.WebSearch = r.Read7BitEncodedInt64();
                x.InputAbove = r.Read7BitEncodedInt64(); x.OutputAbove = r.Read7BitEncodedInt64(); x.Cache5mAbove = r.Read7BitEncodedInt64();
                x.Cache1hAbove = r.Read7BitEncodedInt64(); x.CacheReadAbove = r.Read7BitEncodedInt64(); x.CostUsdNanos = r.ReadInt64();
                if (x.Session >= sessions.Length || x.Model >= models.Length || x.Geo > geos.Length || x.PromptClass > thresholds.Length) return null;
                if (times is not null && times[i].Count != x.Count) return null;
                cells.Restore(x, times?[i]);
            }
            return new State { Generation = generation, IndexGeneration = indexGeneration, Cells = cells, Files = files, NextFileId = nextFileId };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null;
        }
    }

    private static List<List<long>>? ReadTimes(string dir, ulong generation, int cellCount)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(TimesPath(dir)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (bytes.Length < 16 || !r.ReadBytes(8).AsSpan().SequenceEqual(TimesMagic) || r.ReadUInt64() != generation) return null;
        if (r.Read7BitEncodedInt() != cellCount) return null;
        var all = new List<List<long>>(cellCount);
        for (int i = 0; i < cellCount; i++)
        {
            int n = r.Read7BitEncodedInt();
            var list = new List<long>(n);
            long last = 0;
            for (int k = 0; k < n; k++)
            {
                last = k == 0 ? r.Read7BitEncodedInt64() : last + r.Read7BitEncodedInt64();
                list.Add(last);
            }
            all.Add(list);
        }
        return all;
    }
}
