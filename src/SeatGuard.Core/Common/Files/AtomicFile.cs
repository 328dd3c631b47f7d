using System.Text;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// The one way SeatGuard replaces a file: the new content goes to a temporary file beside it, is flushed to
/// disk, and is renamed over the old one, so a reader sees the old file or the new one, never half of either.
/// A failure (a full disk, a kill between the steps) leaves the old file and no temporary file behind.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM), as <see cref="WriteAllBytes"/> does.</summary>
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null, bool createDirectory = true) =>
        WriteAllBytes(path, Utf8.GetBytes(text), mode, createDirectory);

    /// <summary>
    /// Replaces <paramref name="path"/>. <paramref name="mode"/> (Unix) is the new file's mode from its creation on
    /// (use owner-only for private data); without it the file gets the process's default (umask).
    /// </summary>
    /// <param name="createDirectory">Create the file's directory when missing (SeatGuard's own data); false for a path the user gave.</param>
    /// <param name="durable">Flush to disk before the rename (false for caches, which a crash may only make stale: they are checked when read).</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, UnixFileMode? mode = null, bool createDirectory = true, bool durable = true)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (createDirectory) Directory.CreateDirectory(dir);
        var temp = Path.Combine(dir, $".{Path.GetFileName(full)}.seatguard-{Environment.ProcessId}-{Guid.NewGuid():N}.tmp");
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
            if (mode is { } created && !OperatingSystem.IsWindows()) options.UnixCreateMode = created;
            using (var stream = new FileStream(temp, options))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: durable);
            }
            if (mode is { } m && !OperatingSystem.IsWindows()) File.SetUnixFileMode(temp, m);
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: the rename already failed */ }
        }
    }
}
