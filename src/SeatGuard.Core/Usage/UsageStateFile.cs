using System.Runtime.InteropServices;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The usage store's state on disk: <c>usage-state.bin</c> (the files applied, the cells in canonical order as raw
/// records, their tables, the generation and the index generation it goes with) and <c>usage-times.bin</c> (every
/// cell's entry times, decoded only for cells an update changes). Both are replaced atomically and carry the
/// generation, so a pair written by different updates is detected and rebuilt. A damaged file reads as null.
/// </summary>
internal static class UsageStateFile
{
    private static ReadOnlySpan<byte> StateMagic => "SGSTATE4"u8;
    private static ReadOnlySpan<byte> TimesMagic => "SGTIMES3"u8;

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

    private static readonly int CellSize = System.Runtime.CompilerServices.Unsafe.SizeOf<UsageCell>();

    public static void Write(string dir, State s)
    {
        var c = s.Cells;
        var order = c.CanonicalOrder();
        using (var ms = new MemoryStream(64 + s.Files.Count * 200))
        using (var w = new BinaryWriter(ms))
        {
            w.Write(StateMagic);
            w.Write(s.Generation);
            w.Write(s.IndexGeneration);
            w.Write(CellSize);
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
                w.Write7BitEncodedInt64(Math.Max(0, f.Size + 1));
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
            w.Write(order.Length);
            // The cell records start 8-byte aligned: the reader uses them where they are mapped.
            while (ms.Length % 8 != 0) w.Write((byte)0);
            w.Flush();
            // The header, then the cells straight from their storage: after an append the canonical order is the storage
            // order but for the few cells it touched, so the cells go out as a few runs of consecutive records (no 9 MB
            // copy). An order with many runs (a rebuild) is gathered into one buffer first.
            int header = (int)ms.Length;
            var headerBytes = ms.GetBuffer();
            int runs = 0;
            for (int k = 0; k < order.Length; k++) if (k == 0 || order[k] != order[k - 1] + 1) runs++;
            AtomicFile.Write(StatePath(dir), stream =>
            {
                stream.Write(headerBytes, 0, header);
                var raw = c.RawSpan;
                if (runs > 64)
                {
                    var gathered = GC.AllocateUninitializedArray<UsageCell>(order.Length);
                    for (int i = 0; i < order.Length; i++) gathered[i] = raw[order[i]];
                    stream.Write(MemoryMarshal.AsBytes(gathered.AsSpan()));
                    return;
                }
                for (int k = 0; k < order.Length;)
                {
                    int run = 1;
                    while (k + run < order.Length && order[k + run] == order[k] + run) run++;
                    stream.Write(MemoryMarshal.AsBytes(raw.Slice(order[k], run)));
                    k += run;
                }
            }, PrivateFile.Mode, durable: false);
        }
        if (!c.TrackTimes) return;
        using (var ms = new MemoryStream(1 << 20))
        {
            ms.Write(TimesMagic);
            ms.Write(BitConverter.GetBytes(s.Generation));
            ms.Write(BitConverter.GetBytes(order.Length));
            foreach (var i in order)
            {
                var stored = c.StoredTimesBytes(i, out bool decoded);
                if (!decoded) { ms.Write(stored); continue; }
                var times = c.TimesOf(i)!;
                StoredTimes.WriteVarint(ms, times.Count);
                long last = 0;
                for (int k = 0; k < times.Count; k++) { StoredTimes.WriteVarint(ms, k == 0 ? times[0] : times[k] - last); last = times[k]; }
            }
            AtomicFile.WriteAllBytes(TimesPath(dir), ms.GetBuffer().AsSpan(0, (int)ms.Length), PrivateFile.Mode, durable: false);
        }
    }

    /// <summary>The state, or null when there is none or it cannot be read. With <paramref name="withTimes"/>, also the entry times (null when they do not match).</summary>
    /// <remarks>
    /// The cell records are used where the file is mapped (<see cref="PrivateMapping"/>), with room for the cells an
    /// update adds: a 9 MB state costs well under a millisecond to "read" when it is in the page cache. Where mapping
    /// is not available they are read into memory.
    /// </remarks>
    public static unsafe State? Read(string dir, bool withTimes)
    {
        FileStream fs;
        try { fs = new FileStream(StatePath(dir), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1 << 16); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        PrivateMapping? mapping = null;
        try
        {
            using var file = fs;
            long length = fs.Length;
            mapping = length > 0 ? PrivateMapping.Map(fs.SafeFileHandle, length, room: 4096L * CellSize) : null;
            using Stream stream = mapping is not null ? new UnmanagedMemoryStream(mapping.Pointer, length) : fs;
            using var r = new BinaryReader(stream, System.Text.Encoding.UTF8, leaveOpen: true);
            if (!r.ReadBytes(8).AsSpan().SequenceEqual(StateMagic)) return null;
            ulong generation = r.ReadUInt64(), indexGeneration = r.ReadUInt64();
            if (r.ReadInt32() != CellSize) return null;
            // A count is trusted only as far as the bytes left can hold it (a damaged count must not allocate gigabytes).
            int Count(int minBytesEach)
            {
                int n = r.Read7BitEncodedInt();
                if (n < 0 || (long)n * minBytesEach > length - stream.Position) throw new InvalidDataException("count beyond the file");
                return n;
            }
            int nextFileId = r.Read7BitEncodedInt();
            var thresholds = new long[Count(1)];
            for (int i = 0; i < thresholds.Length; i++) thresholds[i] = r.Read7BitEncodedInt64();
            int fileCount = Count(40);
            var files = new List<StoredFile>(fileCount + 16);
            for (int i = 0; i < fileCount; i++)
            {
                int id = r.Read7BitEncodedInt();
                var source = new TranscriptSource(r.ReadString(), r.ReadString(), r.ReadString(), r.ReadBoolean());
                files.Add(new StoredFile
                {
                    Id = id, Source = source, Size = r.Read7BitEncodedInt64() - 1, MtimeTicks = r.ReadInt64(), Device = r.ReadUInt64(), Inode = r.ReadUInt64(),
                    Offset = r.Read7BitEncodedInt64(), HeadHash = r.ReadUInt64(), TailHash = r.ReadUInt64(), Malformed = r.Read7BitEncodedInt(),
                    TailMalformed = r.ReadBoolean(), EntryCount = r.Read7BitEncodedInt(),
                });
            }
            var sessions = new (string, string)[Count(2)];
            for (int i = 0; i < sessions.Length; i++) sessions[i] = (r.ReadString(), r.ReadString());
            var models = new string[Count(1)];
            for (int i = 0; i < models.Length; i++) models[i] = string.Intern(r.ReadString());
            var geos = new string[Count(1)];
            for (int i = 0; i < geos.Length; i++) geos[i] = string.Intern(r.ReadString());
            int cellCount = r.ReadInt32();
            long at = (stream.Position + 7) / 8 * 8;
            if (cellCount < 0 || at + (long)cellCount * CellSize != length) return null;
            var result = new UsageCells(thresholds, trackTimes: withTimes);
            result.RestoreTables(sessions, models, geos);
            ReadOnlySpan<UsageCell> cells;
            if (mapping is not null && CellStorage.Mapped(mapping, at, cellCount) is { } mapped)
            {
                cells = result.RestoreMapped(mapped);
                mapping = null; // the cells own it now
            }
            else
            {
                // Straight into the cells' own storage (no copy of the whole file in between).
                var into = result.BeginRestore(cellCount);
                fs.Position = at;
                fs.ReadExactly(MemoryMarshal.AsBytes(into));
                cells = into;
            }
            foreach (ref readonly var x in cells)
            {
                if ((uint)x.Session >= (uint)sessions.Length || (uint)x.Model >= (uint)models.Length || (uint)x.Geo > (uint)geos.Length
                    || x.PromptClass > thresholds.Length || x.Count <= 0) return null;
            }
            StoredTimes? times = null;
            if (withTimes && (times = ReadTimes(dir, generation, cellCount)) is null) return null;
            result.EndRestore(times);
            return new State { Generation = generation, IndexGeneration = indexGeneration, Cells = result, Files = files, NextFileId = nextFileId };
        }
        catch (Exception e) when (e is EndOfStreamException or IOException or InvalidDataException or ArgumentOutOfRangeException or FormatException or OverflowException)
        {
            return null;
        }
        finally
        {
            mapping?.Dispose(); // not used (a damaged or unmappable state)
        }
    }

    /// <summary>
    /// Gives a state read without entry times its times, when the state file still holds that state's generation (no
    /// update came in between) and the times file matches it. False when it does not: read the state again.
    /// </summary>
    public static bool AttachTimes(string dir, State state)
    {
        if (state.Cells.TrackTimes) return false;
        Span<byte> head = stackalloc byte[16];
        try
        {
            using var handle = File.OpenHandle(StatePath(dir));
            if (RandomAccess.Read(handle, head, 0) != head.Length) return false;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        if (!head[..8].SequenceEqual(StateMagic) || BitConverter.ToUInt64(head[8..]) != state.Generation) return false;
        var times = ReadTimes(dir, state.Generation, state.Cells.Raw.Count);
        if (times is null) return false;
        state.Cells.AttachTimes(times);
        return true;
    }

    private static StoredTimes? ReadTimes(string dir, ulong generation, int cellCount)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(TimesPath(dir)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (bytes.Length < 20 || !bytes.AsSpan(0, 8).SequenceEqual(TimesMagic) || BitConverter.ToUInt64(bytes, 8) != generation || BitConverter.ToInt32(bytes, 16) != cellCount) return null;
        return StoredTimes.Parse(bytes, 20, cellCount);
    }
}
