namespace SeatGuard.Core.Scan;

/// <summary>
/// Files not read, by reason: larger than <c>--max-filesize</c>, binary (a NUL byte in the first 8 KiB that is not
/// UTF-16 text), unreadable (permission denied, vanished, a directory that cannot be listed), or not a regular file
/// (a FIFO, a socket, a device; never opened for reading).
/// </summary>
public sealed record ScanSkipped(long TooLarge, long Binary, long Unreadable, long NotRegular)
{
    /// <summary>All skipped files.</summary>
    public long Total => TooLarge + Binary + Unreadable + NotRegular;
}
