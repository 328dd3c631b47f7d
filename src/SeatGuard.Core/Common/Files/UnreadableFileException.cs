namespace SeatGuard.Core.Common.Files;

/// <summary>
/// A file SeatGuard will not read: not a regular file (a FIFO, socket or device, perhaps behind a link),
/// larger than the limit for its kind, or not readable. The message names the file and the reason.
/// </summary>
public sealed class UnreadableFileException(string path, string reason) : IOException($"{path}: {reason}")
{
    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; } = path;
    /// <summary>Why, in words ("is a directory", "is larger than 1 MiB", …).</summary>
    public string Reason { get; } = reason;
}
