using Microsoft.Win32.SafeHandles;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The usage store's index of counted entries that have a <c>message.id</c>, by message key: what an appended line's
/// duplicate rules need (is this message already counted, from the main conversation or a sidechain, and which copy
/// wins). A sorted base file (<c>usage-index.bin</c>: fixed-size records, a sparse key table, read with a few
/// positioned reads per lookup — never loaded whole) and a small delta (<c>usage-index-delta.bin</c>) that overrides
/// the base's records of the message keys it holds. The delta is merged into a new base when it grows large.
/// </summary>
internal sealed class WinnerIndex : IDisposable
{
    private const int BlockRecords = 256;
    private const int MergeAbove = 65_536;
    private static ReadOnlySpan<byte> BaseMagic => "SGWIN001"u8;
    private static ReadOnlySpan<byte> DeltaMagic => "SGWDL001"u8;

    private readonly string _basePath, _deltaPath;
    private readonly SafeFileHandle? _base;
    private readonly ulong[] _sparse = [];
    private readonly long _count;
    private readonly long _recordsAt;
    private readonly Dictionary<ulong, List<WinnerRecord>> _delta = [];
    private readonly byte[] _block = new byte[BlockRecords * WinnerRecord.Size];

    public ulong BaseGeneration { get; }

    private WinnerIndex(string dir, SafeFileHandle? baseHandle, ulong baseGeneration, ulong[] sparse, long count, long recordsAt)
    {
        _basePath = BasePath(dir);
        _deltaPath = DeltaPath(dir);
        _base = baseHandle;
        BaseGeneration = baseGeneration;
        _sparse = sparse;
        _count = count;
        _recordsAt = recordsAt;
    }

    public static string BasePath(string dir) => Path.Combine(dir, "usage-index.bin");
    public static string DeltaPath(string dir) => Path.Combine(dir, "usage-index-delta.bin");

    /// <summary>Opens the index a state of generation <paramref name="generation"/> was written with; null when the files do not belong to it.</summary>
    public static WinnerIndex? Open(string dir, ulong baseGeneration, ulong generation)
    {
        SafeFileHandle? handle = null;
        try
        {
            handle = File.OpenHandle(BasePath(dir), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            Span<byte> header = stackalloc byte[32];
            if (RandomAccess.Read(handle, header, 0) != 32 || !header[..8].SequenceEqual(BaseMagic) || BitConverter.ToUInt64(header[8..]) != baseGeneration) { handle.Dispose(); return null; }
            long count = BitConverter.ToInt64(header[16..]);
            int blocks = BitConverter.ToInt32(header[24..]);
            if (count < 0 || blocks < 0 || blocks != (count + BlockRecords - 1) / BlockRecords) { handle.Dispose(); return null; }
            var sparseBytes = new byte[blocks * 8];
            if (RandomAccess.Read(handle, sparseBytes, 32) != sparseBytes.Length) { handle.Dispose(); return null; }
            var sparse = new ulong[blocks];
            for (int i = 0; i < blocks; i++) sparse[i] = BitConverter.ToUInt64(sparseBytes, i * 8);
            var index = new WinnerIndex(dir, handle, baseGeneration, sparse, count, 32 + sparseBytes.Length);
            if (!index.LoadDelta(generation)) { index.Dispose(); return null; }
            return index;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            handle?.Dispose();
            return null;
        }
    }

    private bool LoadDelta(ulong generation)
    {
        byte[] bytes;
        try { bytes = File.ReadAllBytes(_deltaPath); }
        catch (FileNotFoundException) { return false; }
        if (bytes.Length < 28 || !bytes.AsSpan(0, 8).SequenceEqual(DeltaMagic) || BitConverter.ToUInt64(bytes, 8) != generation || BitConverter.ToUInt64(bytes, 16) != BaseGeneration) return false;
        int keys = BitConverter.ToInt32(bytes, 24);
        int at = 28;
        for (int k = 0; k < keys; k++)
        {
            if (at + 12 > bytes.Length) return false;
            ulong key = BitConverter.ToUInt64(bytes, at);
            int n = BitConverter.ToInt32(bytes, at + 8);
            at += 12;
            if (n < 0 || at + (long)n * WinnerRecord.Size > bytes.Length) return false;
            var list = new List<WinnerRecord>(n);
            for (int i = 0; i < n; i++, at += WinnerRecord.Size) list.Add(WinnerRecord.Read(bytes.AsSpan(at)));
            _delta[key] = list;
        }
        return true;
    }

    /// <summary>The counted entries with this message key (a copy the caller may change and <see cref="Set"/> back).</summary>
    public List<WinnerRecord> Lookup(ulong messageKey)
    {
        if (_delta.TryGetValue(messageKey, out var changed)) return [.. changed];
        var found = new List<WinnerRecord>(1);
        if (_base is null || _sparse.Length == 0) return found;
        // The last block whose first key is below the key: records of the key start there or in the next block.
        int lo = 0, hi = _sparse.Length - 1, block = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (_sparse[mid] < messageKey) { block = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        for (; block < _sparse.Length; block++)
        {
            long first = (long)block * BlockRecords;
            int n = (int)Math.Min(BlockRecords, _count - first);
            var span = _block.AsSpan(0, n * WinnerRecord.Size);
            if (RandomAccess.Read(_base, span, _recordsAt + first * WinnerRecord.Size) != span.Length) throw new InvalidDataException("usage index is truncated");
            bool past = false;
            for (int i = 0; i < n; i++)
            {
                var r = WinnerRecord.Read(span[(i * WinnerRecord.Size)..]);
                if (r.MessageKey == messageKey) found.Add(r);
                else if (r.MessageKey > messageKey) { past = true; break; }
            }
            if (past) break;
        }
        return found;
    }

    public void Set(ulong messageKey, List<WinnerRecord> records) => _delta[messageKey] = records;

    public int DeltaKeys => _delta.Count;

    /// <summary>Writes the delta for the state of <paramref name="generation"/>, or a merged base and an empty delta when the delta is large.</summary>
    /// <returns>The base generation the saved index has.</returns>
    public ulong Save(ulong generation)
    {
        if (_delta.Count <= MergeAbove)
        {
            WriteDelta(_deltaPath, generation, BaseGeneration, _delta);
            return BaseGeneration;
        }
        var merged = new List<WinnerRecord>((int)_count + _delta.Count);
        if (_base is not null)
        {
            var all = new byte[Math.Min(_count * WinnerRecord.Size, 1L << 30)];
            long read = 0;
            while (read < all.Length)
            {
                int n = RandomAccess.Read(_base, all.AsSpan((int)read), _recordsAt + read);
                if (n <= 0) throw new InvalidDataException("usage index is truncated");
                read += n;
            }
            for (long i = 0; i < _count; i++)
            {
                var r = WinnerRecord.Read(all.AsSpan((int)(i * WinnerRecord.Size)));
                if (!_delta.ContainsKey(r.MessageKey)) merged.Add(r);
            }
        }
        foreach (var list in _delta.Values) merged.AddRange(list);
        WriteBase(Path.GetDirectoryName(_basePath)!, merged, generation);
        WriteDelta(_deltaPath, generation, generation, []);
        return generation;
    }

    /// <summary>Writes a base file of <paramref name="records"/> (any order) and an empty delta for the state of <paramref name="generation"/>.</summary>
    public static void WriteFresh(string dir, List<WinnerRecord> records, ulong generation)
    {
        WriteBase(dir, records, generation);
        WriteDelta(DeltaPath(dir), generation, generation, []);
    }

    private static void WriteBase(string dir, List<WinnerRecord> records, ulong generation)
    {
        records.Sort((a, b) => a.MessageKey != b.MessageKey ? a.MessageKey.CompareTo(b.MessageKey) : a.DedupKey.CompareTo(b.DedupKey));
        int blocks = (records.Count + BlockRecords - 1) / BlockRecords;
        var bytes = new byte[32 + blocks * 8 + (long)records.Count * WinnerRecord.Size];
        BaseMagic.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), generation);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), (long)records.Count);
        BitConverter.TryWriteBytes(bytes.AsSpan(24), blocks);
        for (int b = 0; b < blocks; b++) BitConverter.TryWriteBytes(bytes.AsSpan(32 + b * 8), records[b * BlockRecords].MessageKey);
        int at = 32 + blocks * 8;
        foreach (var r in records) { r.Write(bytes.AsSpan(at)); at += WinnerRecord.Size; }
        AtomicFile.WriteAllBytes(BasePath(dir), bytes, PrivateFile.Mode, durable: false);
    }

    private static void WriteDelta(string path, ulong generation, ulong baseGeneration, Dictionary<ulong, List<WinnerRecord>> delta)
    {
        long size = 28 + delta.Values.Sum(l => 12L + l.Count * WinnerRecord.Size);
        var bytes = new byte[size];
        DeltaMagic.CopyTo(bytes);
        BitConverter.TryWriteBytes(bytes.AsSpan(8), generation);
        BitConverter.TryWriteBytes(bytes.AsSpan(16), baseGeneration);
        BitConverter.TryWriteBytes(bytes.AsSpan(24), delta.Count);
        int at = 28;
        foreach (var (key, list) in delta)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(at), key);
            BitConverter.TryWriteBytes(bytes.AsSpan(at + 8), list.Count);
            at += 12;
            foreach (var r in list) { r.Write(bytes.AsSpan(at)); at += WinnerRecord.Size; }
        }
        AtomicFile.WriteAllBytes(path, bytes, PrivateFile.Mode, durable: false);
    }

    public void Dispose() => _base?.Dispose();
}
