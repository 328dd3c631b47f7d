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
    private static ReadOnlySpan<byte> TimesMagic => "SGTIMES4"u8;

    public static string StatePath(string dir) => Path.Combine(dir, "usage-state.bin");
    public static string TimesPath(string dir) => Path.Combine(dir, "usage-times.bin");

    internal sealed class State
    {
        public ulong Generation;
        public ulong IndexGeneration;
        public required UsageCells Cells;
        public List<StoredFile> Files = [];
        public int NextFileId;
        /// <summary>The full state file this state was read from (its generation; null: none, the next write is a full one).</summary>
        public ulong? BaseGeneration;
        /// <summary>The base's cell and table counts: positions and entries beyond them are the delta's.</summary>
        public int BaseCells, BaseSessions, BaseModels, BaseGeos;
        /// <summary>Files changed or added since the base (by id).</summary>
        public HashSet<int> ChangedFiles = [];
        /// <summary>The entry times the delta holds for its cells (over the base's times file).</summary>
        public List<(int Position, byte[] Times)> DeltaTimes = [];
    }

    /// <summary>The delta beside the full state file: the cells and files changed since it.</summary>
    public static string DeltaPath(string dir) => Path.Combine(dir, "usage-state.delta");
    private static ReadOnlySpan<byte> DeltaMagic => "SGDELTA1"u8;

    /// <summary>A delta larger than this many changed cells (or files) is folded into a new full state file.</summary>
    internal const int MaxDeltaCells = 5_000, MaxDeltaFiles = 1_000;

    private static readonly int CellSize = System.Runtime.CompilerServices.Unsafe.SizeOf<UsageCell>();

    /// <summary>
    /// Writes the state: after an update of a state read from a full file, only what changed since that file
    /// (<c>usage-state.delta</c>: the changed files, new table entries and changed or added cells by position — a few
    /// kilobytes instead of rewriting megabytes); a full file when there is no base, the delta has grown large, or the
    /// cells were rebuilt. The entry times are written whole, in storage order, either way.
    /// </summary>
    public static void Write(string dir, State s)
    {
        var c = s.Cells;
        if (s.BaseGeneration is { } baseGeneration && c.TrackTimes && c.StoredInOrder(s.BaseCells) && c.ChangedCount <= MaxDeltaCells && s.ChangedFiles.Count <= MaxDeltaFiles)
        {
            WriteDelta(dir, s, baseGeneration); // with the changed cells' times: the full state's times file stays as it is
            return;
        }
        var order = WriteFull(dir, s);
        TryDelete(DeltaPath(dir)); // after the full file: a reader seeing the new file with the old delta ignores the delta (another base)
        WriteTimes(dir, s, order);
        // The file holds the cells in canonical order, this state's storage does not: a later write of it is a full one.
        s.BaseGeneration = null;
        s.ChangedFiles.Clear();
    }

    private const int HashSize = 8;

    /// <summary>The stream's bytes followed by their hash (see <see cref="Verified"/>).</summary>
    private static ReadOnlySpan<byte> WithHash(MemoryStream ms)
    {
        ms.Write(BitConverter.GetBytes(System.IO.Hashing.XxHash3.HashToUInt64(ms.GetBuffer().AsSpan(0, (int)ms.Length))));
        return ms.GetBuffer().AsSpan(0, (int)ms.Length);
    }

    /// <summary>The length of the content before a matching hash trailer, or -1 (a changed or cut file).</summary>
    private static long Verified(ReadOnlySpan<byte> file) =>
        file.Length >= HashSize && System.IO.Hashing.XxHash3.HashToUInt64(file[..^HashSize]) == BitConverter.ToUInt64(file[^HashSize..]) ? file.Length - HashSize : -1;

    private static bool VerifiedFile(FileStream fs)
    {
        var bytes = new byte[fs.Length];
        fs.Position = 0;
        fs.ReadExactly(bytes);
        fs.Position = 0;
        return Verified(bytes) >= 0;
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void WriteFile(BinaryWriter w, StoredFile f)
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

    /// <summary>
    /// A string as <see cref="BinaryWriter.Write(string)"/> writes it (a 7-bit length, then UTF-8), decoded straight from
    /// the mapped bytes when the reader is over them (BinaryReader.ReadString goes through a 128-character buffer and a
    /// StringBuilder for a longer string: most of the time of reading a file table of paths).
    /// </summary>
    private static unsafe string ReadText(BinaryReader r)
    {
        int n = r.Read7BitEncodedInt();
        if (n < 0) throw new InvalidDataException("negative string length");
        if (n == 0) return "";
        if (r.BaseStream is UnmanagedMemoryStream mapped)
        {
            if (n > mapped.Length - mapped.Position) throw new EndOfStreamException();
            var text = System.Text.Encoding.UTF8.GetString(mapped.PositionPointer, n);
            mapped.Position += n;
            return text;
        }
        var bytes = r.ReadBytes(n);
        if (bytes.Length != n) throw new EndOfStreamException();
        return System.Text.Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// <see cref="ReadText(BinaryReader)"/>, or <paramref name="known"/> itself when the bytes spell it (ASCII, as paths,
    /// project names and session ids almost always are): no string allocated for what the listing already holds.
    /// </summary>
    private static unsafe string ReadText(BinaryReader r, string? known)
    {
        if (known is null || r.BaseStream is not UnmanagedMemoryStream mapped) return ReadText(r);
        long start = mapped.Position;
        int n = r.Read7BitEncodedInt();
        if (n == known.Length && n <= mapped.Length - mapped.Position && System.Text.Ascii.Equals(new ReadOnlySpan<byte>(mapped.PositionPointer, n), known))
        {
            mapped.Position += n;
            return known;
        }
        mapped.Position = start;
        return ReadText(r);
    }

    /// <param name="r">The reader.</param>
    /// <param name="known">The listing's transcript at this place, if any: reused when the record names the same one.</param>
    private static StoredFile ReadFile(BinaryReader r, TranscriptSource? known = null)
    {
        int id = r.Read7BitEncodedInt();
        string path = ReadText(r, known?.Path), project = ReadText(r, known?.Project), session = ReadText(r, known?.SessionId);
        bool isSubagent = r.ReadBoolean();
        var source = known is not null && ReferenceEquals(path, known.Path) && ReferenceEquals(project, known.Project) && ReferenceEquals(session, known.SessionId)
            && isSubagent == known.IsSubagent ? known : new TranscriptSource(path, project, session, isSubagent);
        return new StoredFile
        {
            Id = id, Source = source, Size = r.Read7BitEncodedInt64() - 1, MtimeTicks = r.ReadInt64(), Device = r.ReadUInt64(), Inode = r.ReadUInt64(),
            Offset = r.Read7BitEncodedInt64(), HeadHash = r.ReadUInt64(), TailHash = r.ReadUInt64(), Malformed = r.Read7BitEncodedInt(),
            TailMalformed = r.ReadBoolean(), EntryCount = r.Read7BitEncodedInt(),
        };
    }

    private static void WriteDelta(string dir, State s, ulong baseGeneration)
    {
        var c = s.Cells;
        using var ms = new MemoryStream(4096);
        using var w = new BinaryWriter(ms);
        w.Write(DeltaMagic);
        w.Write(baseGeneration);
        w.Write(s.Generation);
        w.Write(s.IndexGeneration);
        w.Write(CellSize);
        w.Write7BitEncodedInt(s.NextFileId);
        var changed = s.Files.Where(f => s.ChangedFiles.Contains(f.Id)).ToList();
        w.Write7BitEncodedInt(changed.Count);
        foreach (var f in changed) WriteFile(w, f);
        w.Write7BitEncodedInt(s.BaseSessions);
        w.Write7BitEncodedInt(c.Sessions.Count - s.BaseSessions);
        for (int i = s.BaseSessions; i < c.Sessions.Count; i++) { w.Write(c.Sessions[i].Project); w.Write(c.Sessions[i].SessionId); }
        w.Write7BitEncodedInt(s.BaseModels);
        w.Write7BitEncodedInt(c.Models.Count - s.BaseModels);
        for (int i = s.BaseModels; i < c.Models.Count; i++) w.Write(c.Models[i]);
        w.Write7BitEncodedInt(s.BaseGeos);
        w.Write7BitEncodedInt(c.Geos.Count - s.BaseGeos);
        for (int i = s.BaseGeos; i < c.Geos.Count; i++) w.Write(c.Geos[i]!);
        // Cells: the base's count, the total, then every changed or added position with its record (added ones in order).
        var positions = c.ChangedPositions();
        w.Write(s.BaseCells);
        w.Write(c.Raw.Count);
        w.Write(positions.Length);
        var raw = c.RawSpan;
        foreach (var at in positions)
        {
            w.Write(at);
            w.Write(MemoryMarshal.AsBytes(raw.Slice(at, 1)));
        }
        // Their entry times, in the same order.
        using var times = new MemoryStream();
        foreach (var at in positions)
        {
            times.SetLength(0);
            var stored = c.StoredTimesBytes(at, out bool decoded);
            if (decoded) StoredTimes.Encode(times, c.TimesOf(at)!);
            else times.Write(stored);
            w.Write7BitEncodedInt((int)times.Length);
            w.Write(times.GetBuffer(), 0, (int)times.Length);
        }
        w.Flush();
        AtomicFile.WriteAllBytes(DeltaPath(dir), WithHash(ms), PrivateFile.Mode, durable: false);
    }

    /// <summary>Applies the delta beside a base read as generation <paramref name="baseGeneration"/>; false when there is none for it.</summary>
    private static bool ApplyDelta(string dir, State s, ulong baseGeneration, long[] thresholds, out List<(int Position, byte[] Times)> times)
    {
        times = [];
        byte[] bytes;
        try { bytes = File.ReadAllBytes(DeltaPath(dir)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return false; }
        if (bytes.Length >= 16 && bytes.AsSpan(0, 8).SequenceEqual(DeltaMagic) && BitConverter.ToUInt64(bytes, 8) == baseGeneration && Verified(bytes) < 0)
            throw new InvalidDataException("the delta does not match its hash");
        bytes = bytes[..Math.Max(0, bytes.Length - HashSize)];
        using var r = new BinaryReader(new MemoryStream(bytes, writable: false));
        if (bytes.Length < 40 || !r.ReadBytes(8).AsSpan().SequenceEqual(DeltaMagic) || r.ReadUInt64() != baseGeneration) return false;
        ulong generation = r.ReadUInt64(), indexGeneration = r.ReadUInt64();
        if (r.ReadInt32() != CellSize) throw new InvalidDataException("delta of another cell layout");
        int Count(int minBytesEach)
        {
            int n = r.Read7BitEncodedInt();
            if (n < 0 || (long)n * minBytesEach > bytes.Length - r.BaseStream.Position) throw new InvalidDataException("count beyond the delta");
            return n;
        }
        int nextFileId = r.Read7BitEncodedInt();
        var changed = new StoredFile[Count(40)];
        for (int i = 0; i < changed.Length; i++) changed[i] = ReadFile(r);
        var c = s.Cells;
        if (r.Read7BitEncodedInt() != c.Sessions.Count) throw new InvalidDataException("delta of another base");
        var sessions = new (string, string)[Count(2)];
        for (int i = 0; i < sessions.Length; i++) sessions[i] = (ReadText(r), ReadText(r));
        if (r.Read7BitEncodedInt() != c.Models.Count) throw new InvalidDataException("delta of another base");
        var models = new string[Count(1)];
        for (int i = 0; i < models.Length; i++) models[i] = string.Intern(ReadText(r));
        if (r.Read7BitEncodedInt() != c.Geos.Count) throw new InvalidDataException("delta of another base");
        var geos = new string[Count(1)];
        for (int i = 0; i < geos.Length; i++) geos[i] = string.Intern(ReadText(r));
        int baseCells = r.ReadInt32(), total = r.ReadInt32(), entries = r.ReadInt32();
        if (baseCells != c.Raw.Count || total < baseCells || entries < total - baseCells || (long)entries * (4 + CellSize) > bytes.Length - r.BaseStream.Position)
            throw new InvalidDataException("delta cells do not add up");
        c.RestoreTables(sessions, models, geos);
        Span<UsageCell> cell = stackalloc UsageCell[1];
        for (int k = 0; k < entries; k++)
        {
            int at = r.ReadInt32();
            r.BaseStream.ReadExactly(MemoryMarshal.AsBytes(cell));
            ref readonly var x = ref cell[0];
            if ((uint)x.Session >= (uint)c.Sessions.Count || (uint)x.Model >= (uint)c.Models.Count || (uint)x.Geo >= (uint)c.Geos.Count
                || x.PromptClass > thresholds.Length || x.Count < 0) throw new InvalidDataException("delta cell refers past the tables");
            c.ApplyStored(at, x);
        }
        if (c.Raw.Count != total) throw new InvalidDataException("delta cells do not add up");
        foreach (var at in c.ChangedPositions())
        {
            int n = r.Read7BitEncodedInt();
            if (n < 1 || n > bytes.Length - r.BaseStream.Position) throw new InvalidDataException("delta times do not add up");
            times.Add((at, r.ReadBytes(n)));
        }
        if (r.BaseStream.Position != bytes.Length) throw new InvalidDataException("delta has bytes past its end");
        var positionById = new Dictionary<int, int>(s.Files.Count);
        for (int i = 0; i < s.Files.Count; i++) positionById[s.Files[i].Id] = i;
        bool added = false;
        foreach (var f in changed)
        {
            if (positionById.TryGetValue(f.Id, out int at)) s.Files[at] = f;
            else { s.Files.Add(f); added = true; }
            s.ChangedFiles.Add(f.Id);
        }
        if (added) s.Files.Sort((a, b) => string.CompareOrdinal(a.Source.Path, b.Source.Path));
        (s.Generation, s.IndexGeneration, s.NextFileId) = (generation, indexGeneration, nextFileId);
        return true;
    }

    /// <summary>The full state file, cells in canonical order; returns that order (the storage positions written).</summary>
    private static int[] WriteFull(string dir, State s)
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
            foreach (var f in s.Files) WriteFile(w, f);
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
                var hash = new System.IO.Hashing.XxHash3();
                void Put(ReadOnlySpan<byte> bytes)
                {
                    hash.Append(bytes);
                    stream.Write(bytes);
                }
                Put(headerBytes.AsSpan(0, header));
                var raw = c.RawSpan;
                if (runs > 64)
                {
                    var gathered = GC.AllocateUninitializedArray<UsageCell>(order.Length);
                    for (int i = 0; i < order.Length; i++) gathered[i] = raw[order[i]];
                    Put(MemoryMarshal.AsBytes(gathered.AsSpan()));
                }
                else
                {
                    for (int k = 0; k < order.Length;)
                    {
                        int run = 1;
                        while (k + run < order.Length && order[k + run] == order[k] + run) run++;
                        Put(MemoryMarshal.AsBytes(raw.Slice(order[k], run)));
                        k += run;
                    }
                }
                // The trailer: a hash of everything before it (a changed byte reads as no state, never as other figures).
                stream.Write(BitConverter.GetBytes(hash.GetCurrentHashAsUInt64()));
            }, PrivateFile.Mode, durable: false);
        }
        return order;
    }

    /// <summary>The entry times of the cells at <paramref name="order"/>'s positions (null: every position, in storage order).</summary>
    private static void WriteTimes(string dir, State s, int[]? order)
    {
        var c = s.Cells;
        if (!c.TrackTimes) return;
        int count = order?.Length ?? c.Raw.Count;
        using (var ms = new MemoryStream(1 << 20))
        {
            ms.Write(TimesMagic);
            ms.Write(BitConverter.GetBytes(s.Generation));
            ms.Write(BitConverter.GetBytes(count));
            StoredTimes.Write(ms, count, (k, to) =>
            {
                int i = order is null ? k : order[k];
                var stored = c.StoredTimesBytes(i, out bool decoded);
                if (decoded) StoredTimes.Encode(to, c.TimesOf(i)!);
                else to.Write(stored);
            });
            AtomicFile.WriteAllBytes(TimesPath(dir), WithHash(ms), PrivateFile.Mode, durable: false);
        }
    }

    /// <summary>The state, or null when there is none or it cannot be read. With <paramref name="withTimes"/>, also the entry times (null when they do not match).</summary>
    /// <remarks>
    /// The cell records are used where the file is mapped (<see cref="PrivateMapping"/>), with room for the cells an
    /// update adds: a 9 MB state costs well under a millisecond to "read" when it is in the page cache. Where mapping
    /// is not available they are read into memory.
    /// </remarks>
    /// <param name="dir">The store's directory.</param>
    /// <param name="withTimes">Also read the entry times.</param>
    /// <param name="listing">The transcripts as listed now, in path order (as the file table is): records naming the same
    /// transcript share its <see cref="TranscriptSource"/> instead of decoding thousands of paths again.</param>
    public static unsafe State? Read(string dir, bool withTimes, IReadOnlyList<TranscriptFile>? listing = null)
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
            // Verified first: a changed byte anywhere reads as no state (a rebuild), never as other figures.
            if (mapping is not null ? Verified(new ReadOnlySpan<byte>(mapping.Pointer, checked((int)length))) < 0 : !VerifiedFile(fs)) return null;
            length -= HashSize;
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
            for (int i = 0; i < fileCount; i++) files.Add(ReadFile(r, listing is not null && i < listing.Count ? listing[i].Source : null));
            var sessions = new (string, string)[Count(2)];
            for (int i = 0; i < sessions.Length; i++) sessions[i] = (ReadText(r), ReadText(r));
            var models = new string[Count(1)];
            for (int i = 0; i < models.Length; i++) models[i] = string.Intern(ReadText(r));
            var geos = new string[Count(1)];
            for (int i = 0; i < geos.Length; i++) geos[i] = string.Intern(ReadText(r));
            int cellCount = r.ReadInt32();
            long at = (stream.Position + 7) / 8 * 8;
            if (cellCount < 0 || at + (long)cellCount * CellSize != length) return null;
            var result = new UsageCells(thresholds);
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
            result.EndRestore(null);
            var state = new State
            {
                Generation = generation, IndexGeneration = indexGeneration, Cells = result, Files = files, NextFileId = nextFileId,
                BaseGeneration = generation, BaseCells = cellCount, BaseSessions = sessions.Length, BaseModels = models.Length, BaseGeos = geos.Length + 1,
            };
            ApplyDelta(dir, state, generation, thresholds, out var deltaTimes);
            state.DeltaTimes = deltaTimes;
            if (withTimes && !AttachTimesOf(dir, state)) return null;
            return state;
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
        if (CurrentGeneration(dir) != state.Generation) return false;
        return AttachTimesOf(dir, state);
    }

    /// <summary>The full state's times file (of the base's generation and cells), with the delta's cells' times over it.</summary>
    private static bool AttachTimesOf(string dir, State state)
    {
        var times = ReadTimes(dir, state.BaseGeneration ?? state.Generation, state.BaseCells);
        if (times is null) return false;
        foreach (var (at, encoded) in state.DeltaTimes) times.Override(at, encoded);
        state.Cells.AttachTimes(times);
        return true;
    }

    /// <summary>The generation the state files hold now: the delta's when it belongs to the full file, else the full file's; null when unreadable.</summary>
    private static ulong? CurrentGeneration(string dir)
    {
        Span<byte> head = stackalloc byte[16];
        Span<byte> delta = stackalloc byte[24];
        try
        {
            using (var handle = File.OpenHandle(StatePath(dir)))
            {
                if (RandomAccess.Read(handle, head, 0) != head.Length || !head[..8].SequenceEqual(StateMagic)) return null;
            }
            ulong full = BitConverter.ToUInt64(head[8..]);
            try
            {
                using var handle = File.OpenHandle(DeltaPath(dir));
                if (RandomAccess.Read(handle, delta, 0) == delta.Length && delta[..8].SequenceEqual(DeltaMagic) && BitConverter.ToUInt64(delta[8..]) == full)
                    return BitConverter.ToUInt64(delta[16..]);
            }
            catch (FileNotFoundException) { }
            return full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
    }

    private static StoredTimes? ReadTimes(string dir, ulong generation, int cellCount)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(TimesPath(dir)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        if (bytes.Length < 20 + HashSize || !bytes.AsSpan(0, 8).SequenceEqual(TimesMagic) || BitConverter.ToUInt64(bytes, 8) != generation
            || BitConverter.ToInt32(bytes, 16) != cellCount || Verified(bytes) < 0) return null;
        return StoredTimes.Parse(bytes[..^HashSize], 20, cellCount);
    }
}
