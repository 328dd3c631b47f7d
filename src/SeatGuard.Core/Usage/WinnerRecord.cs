namespace SeatGuard.Core.Usage;

/// <summary>
/// A counted entry that has a <c>message.id</c>, as <see cref="WinnerIndex"/> keeps it: its keys and where its full
/// entry is stored (the file's id in the usage store and the entry's position in that file).
/// </summary>
public readonly record struct WinnerRecord(ulong MessageKey, ulong DedupKey, int FileId, int Index, bool Sidechain)
{
    /// <summary>The size in bytes of one record as <see cref="Write"/> stores it.</summary>
    public const int Size = 32;

    /// <summary>Writes the record into the first <see cref="Size"/> bytes of <paramref name="into"/> (unused bytes zeroed).</summary>
    public void Write(Span<byte> into)
    {
        BitConverter.TryWriteBytes(into, MessageKey);
        BitConverter.TryWriteBytes(into[8..], DedupKey);
        BitConverter.TryWriteBytes(into[16..], FileId);
        BitConverter.TryWriteBytes(into[20..], Index);
        into[24] = Sidechain ? (byte)1 : (byte)0;
        into[25..Size].Clear();
    }

    /// <summary>Reads a record written by <see cref="Write"/> from <paramref name="from"/>.</summary>
    public static WinnerRecord Read(ReadOnlySpan<byte> from) =>
        new(BitConverter.ToUInt64(from), BitConverter.ToUInt64(from[8..]), BitConverter.ToInt32(from[16..]), BitConverter.ToInt32(from[20..]), from[24] != 0);
}
