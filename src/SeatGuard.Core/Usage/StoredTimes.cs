namespace SeatGuard.Core.Usage;

/// <summary>
/// The cells' entry times as <c>usage-times.bin</c> stores them — per cell a count, then the first time and the gaps
/// as 7-bit varints — decoded one cell at a time when an update needs it (most cells are never touched).
/// </summary>
internal sealed class StoredTimes(byte[] bytes, int[] starts)
{
    /// <summary>The encoded bytes of one cell's times (count included).</summary>
    public ReadOnlySpan<byte> Bytes(int cell) => bytes.AsSpan(starts[cell], starts[cell + 1] - starts[cell]);

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
        return list;
    }

    /// <summary>Splits a times blob of <paramref name="cells"/> cells, starting at <paramref name="offset"/>; null when it does not add up.</summary>
    public static StoredTimes? Parse(byte[] bytes, int offset, int cells)
    {
        var starts = new int[cells + 1];
        int at = offset;
        try
        {
            for (int i = 0; i < cells; i++)
            {
                starts[i] = at;
                long n = ReadVarint(bytes, ref at);
                for (long k = 0; k < n; k++) ReadVarint(bytes, ref at);
            }
        }
        catch (IndexOutOfRangeException)
        {
            return null;
        }
        starts[cells] = at;
        return at == bytes.Length ? new StoredTimes(bytes, starts) : null;
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
