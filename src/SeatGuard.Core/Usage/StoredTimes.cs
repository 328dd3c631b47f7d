namespace SeatGuard.Core.Usage;

/// <summary>
/// The cells' entry times as <c>usage-times.bin</c> stores them — a table of where each cell's bytes end, then per
/// cell a count, the first time and the gaps as 7-bit varints — decoded one cell at a time when an update needs it
/// (most cells are never touched, and the table means none is parsed to find another).
/// </summary>
internal sealed class StoredTimes
{
    private readonly byte[] _bytes;
    private readonly int _table, _blob, _cells;
    private Dictionary<int, byte[]>? _overrides;

    private StoredTimes(byte[] bytes, int table, int blob, int cells) => (_bytes, _table, _blob, _cells) = (bytes, table, blob, cells);

    /// <summary>The times of <paramref name="cell"/> are these encoded bytes (a delta's), not the stored ones.</summary>
    public void Override(int cell, byte[] encoded) => (_overrides ??= [])[cell] = encoded;

    private int End(int cell) => cell < 0 ? 0 : System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(_bytes.AsSpan(_table + 4 * cell, 4));

    /// <summary>The encoded bytes of one cell's times (count included).</summary>
    public ReadOnlySpan<byte> Bytes(int cell)
    {
        if (_overrides is not null && _overrides.TryGetValue(cell, out var own)) return own;
        if ((uint)cell >= (uint)_cells) throw new IndexOutOfRangeException("no such cell's times");
        int from = End(cell - 1), to = End(cell);
        return _bytes.AsSpan(_blob + from, to - from);
    }

    public List<long> Decode(int cell)
    {
        var span = Bytes(cell);
        int at = 0;
        long n = ReadVarint(span, ref at);
        var list = new List<long>((int)Math.Min(n, 1 << 20));
        long last = 0;
        for (long k = 0; k < n; k++)
        {
            last = k == 0 ? ReadVarint(span, ref at) : last + ReadVarint(span, ref at);
            list.Add(last);
        }
        if (at != span.Length) throw new IndexOutOfRangeException("a cell's times do not fill its bytes");
        return list;
    }

    /// <summary>The times of <paramref name="cells"/> cells stored from <paramref name="offset"/> (the table, then the bytes); null when the table does not add up.</summary>
    public static StoredTimes? Parse(byte[] bytes, int offset, int cells)
    {
        long blob = offset + 4L * cells;
        if (cells < 0 || blob > bytes.Length) return null;
        int last = 0;
        for (int i = 0; i < cells; i++)
        {
            int end = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(offset + 4 * i, 4));
            if (end < last) return null;
            last = end;
        }
        return blob + last == bytes.Length ? new StoredTimes(bytes, offset, (int)blob, cells) : null;
    }

    /// <summary>Writes the times of cells, in order, as <see cref="Parse"/> reads them.</summary>
    public static void Write(Stream to, int cells, Action<int, Stream> writeCell)
    {
        var ends = new int[cells];
        using var blob = new MemoryStream(cells * 16);
        for (int i = 0; i < cells; i++)
        {
            writeCell(i, blob);
            ends[i] = checked((int)blob.Length);
        }
        to.Write(System.Runtime.InteropServices.MemoryMarshal.AsBytes(ends.AsSpan()));
        to.Write(blob.GetBuffer().AsSpan(0, (int)blob.Length));
    }

    /// <summary>One cell's times encoded as <see cref="Bytes"/> returns them.</summary>
    public static void Encode(Stream to, List<long> times)
    {
        WriteVarint(to, times.Count);
        long last = 0;
        for (int t = 0; t < times.Count; t++) { WriteVarint(to, t == 0 ? times[0] : times[t] - last); last = times[t]; }
    }

    public static long ReadVarint(ReadOnlySpan<byte> span, ref int at)
    {
        ulong result = 0;
        int shift = 0;
        while (true)
        {
            byte b = span[at++];
            result |= (ulong)(b & 0x7F) << shift;
            if ((b & 0x80) == 0) return (long)result;
            shift += 7;
            if (shift > 63) throw new IndexOutOfRangeException("varint too long");
        }
    }

    public static void WriteVarint(Stream to, long value)
    {
        ulong v = (ulong)value;
        while (v >= 0x80) { to.WriteByte((byte)(v | 0x80)); v >>= 7; }
        to.WriteByte((byte)v);
    }
}
