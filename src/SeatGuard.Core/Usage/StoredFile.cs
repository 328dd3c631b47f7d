namespace SeatGuard.Core.Usage;

/// <summary>
/// What the usage store has applied of one transcript file: its identity when last read (size, modification time,
/// device and inode, a hash of its first bytes and of the bytes before <see cref="Offset"/>), how far it was read, and
/// how many entries and malformed lines that part holds. A grown file whose identity still matches is read from
/// <see cref="Offset"/> on; anything else (truncated, replaced, rewritten in place) is read again.
/// </summary>
internal sealed class StoredFile
{
    public required int Id { get; init; }
    public required TranscriptSource Source { get; init; }
    public long Size { get; set; }
    public long MtimeTicks { get; set; }
    public ulong Device { get; set; }
    public ulong Inode { get; set; }
    /// <summary>Byte offset after the last complete line read.</summary>
    public long Offset { get; set; }
    /// <summary>Hash of the first <see cref="UsageStore.HashBytes"/> bytes (fewer when the file was shorter).</summary>
    public ulong HeadHash { get; set; }
    /// <summary>Hash of the <see cref="UsageStore.HashBytes"/> bytes before <see cref="Offset"/>.</summary>
    public ulong TailHash { get; set; }
    /// <summary>Malformed complete lines before <see cref="Offset"/>.</summary>
    public int Malformed { get; set; }
    /// <summary>The file ended in an unterminated line that did not parse (read again next time).</summary>
    public bool TailMalformed { get; set; }
    /// <summary>Entries parsed from the file so far (counted or not), in file order.</summary>
    public int EntryCount { get; set; }
}
