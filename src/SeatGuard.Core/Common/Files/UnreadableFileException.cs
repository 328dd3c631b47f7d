namespace SeatGuard.Core.Common.Files;

/// <summary>
/// A file SeatGuard will not read: not a regular file (a FIFO, socket or device, perhaps behind a link),
/// larger than the limit for its kind, or not readable. The message names the file and the reason.
/// </summary>
public sealed class UnreadableFileException(string path, string reason) : IOException($"{path}: {reason}")
{
    public string FilePath { get; } = path;
    public string Reason { get; } = reason;
}
