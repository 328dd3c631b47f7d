using System.Text;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// The one way SeatGuard replaces a file: the new content goes to a temporary file beside it, is flushed to
/// disk, and is renamed over the old one, so a reader sees the old file or the new one, never half of either.
/// A failure (a full disk, an exception between the steps) leaves the old file and no temporary file behind; the
/// temporary file is owner-only (0600) from its creation, and one left by a SeatGuard process that was killed
/// (SIGKILL, power loss) is removed by the next write in that directory.
/// </summary>
public static class AtomicFile
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private const string Marker = ".seatguard-";
    private const string TempSuffix = ".tmp";

    /// <summary>Replaces <paramref name="path"/> with <paramref name="text"/> (UTF-8, no BOM), as <see cref="WriteAllBytes"/> does.</summary>
    public static void WriteAllText(string path, string text, UnixFileMode? mode = null, bool createDirectory = true) =>
        WriteAllBytes(path, Utf8.GetBytes(text), mode, createDirectory);

    /// <summary>
    /// Replaces <paramref name="path"/>. <paramref name="mode"/> (Unix) is the new file's mode (use owner-only for private
    /// data); without it the file gets the process's default (umask) when it is new, and keeps its mode when it exists.
    /// </summary>
    /// <param name="createDirectory">Create the file's directory when missing (SeatGuard's own data); false for a path the user gave.</param>
    /// <param name="durable">Flush to disk before the rename (false for caches, which a crash may only make stale: they are checked when read).</param>
    /// <param name="path">The file to replace (or create).</param>
    /// <param name="bytes">The new content.</param>
    /// <param name="mode">The new file's Unix mode, or null (see above).</param>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes, UnixFileMode? mode = null, bool createDirectory = true, bool durable = true)
    {
        // The span cannot be captured by the callback: write it through an unmanaged view of the caller's memory.
        unsafe
        {
            fixed (byte* p = bytes)
            {
                var length = bytes.Length;
                var start = (IntPtr)p;
                Write(path, stream => stream.Write(new ReadOnlySpan<byte>((byte*)start, length)), mode, createDirectory, durable);
            }
        }
    }

    /// <summary>
    /// Replaces <paramref name="path"/> with what <paramref name="write"/> writes to the stream it is given (unbuffered:
    /// large spans go straight to the file), as <see cref="WriteAllBytes"/> does: whole or not at all.
    /// </summary>
    /// <param name="path">The file to replace (or create).</param>
    /// <param name="write">Writes the new content.</param>
    /// <param name="mode">The new file's Unix mode, or null (see <see cref="WriteAllBytes"/>).</param>
    /// <param name="createDirectory">Create the file's directory when missing.</param>
    /// <param name="durable">Flush to disk before the rename.</param>
    public static void Write(string path, Action<Stream> write, UnixFileMode? mode = null, bool createDirectory = true, bool durable = true)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (createDirectory) Directory.CreateDirectory(dir);
        var name = Path.GetFileName(full);
        RefuseNonRegular(full);
        SweepLeftovers(dir, name);
        var temp = Path.Combine(dir, $".{name}{Marker}{Environment.ProcessId}-{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            var finalMode = mode;
            if (finalMode is null && !OperatingSystem.IsWindows() && File.Exists(full)) finalMode = File.GetUnixFileMode(full);
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 };
            if (!OperatingSystem.IsWindows()) options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            using (var stream = new FileStream(temp, options))
            {
                write(stream);
                stream.Flush(flushToDisk: durable);
            }
            if (!OperatingSystem.IsWindows())
            {
                // Without a mode, a new file gets what the umask gives a new file (probed on a file of our own).
                File.SetUnixFileMode(temp, finalMode ?? DefaultMode(dir));
            }
            File.Move(temp, full, overwrite: true);
        }
        finally
        {
            try { if (File.Exists(temp)) File.Delete(temp); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { /* best effort: the rename already failed */ }
        }
    }

    /// <summary>
    /// A device, FIFO, socket or folder where the file should be (<c>/dev/full</c>, <c>/dev/stdout</c>) is never
    /// replaced by a rename — run as root that would swap a device node for a regular file.
    /// </summary>
    private static void RefuseNonRegular(string full)
    {
        if (Directory.Exists(full)) throw new IOException($"{full} is a folder, not a file; nothing was written");
        if (!File.Exists(full)) return;
        using var handle = SafeFile.OpenNonBlocking(full, out var notRegular);
        if (notRegular is not null) throw new IOException($"{full} is not a regular file ({notRegular}); nothing was written");
    }

    /// <summary>The mode the umask gives a new regular file, read from a file created without an explicit mode.</summary>
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    private static UnixFileMode DefaultMode(string dir)
    {
        var probe = Path.Combine(dir, $".{Marker.TrimStart('.')}{Environment.ProcessId}-{Guid.NewGuid():N}-mode{TempSuffix}");
        try
        {
            using (new FileStream(probe, FileMode.CreateNew, FileAccess.Write)) { }
            return File.GetUnixFileMode(probe);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }
        finally
        {
            try { File.Delete(probe); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Removes temporary files of <paramref name="name"/> left by SeatGuard processes that no longer run.</summary>
    internal static void SweepLeftovers(string dir, string name)
    {
        try
        {
            foreach (var leftover in Directory.EnumerateFiles(dir, $".{name}{Marker}*{TempSuffix}"))
            {
                var rest = Path.GetFileName(leftover)[(name.Length + 1 + Marker.Length)..];
                int dash = rest.IndexOf('-');
                if (dash <= 0 || !int.TryParse(rest.AsSpan(0, dash), out var pid) || pid == Environment.ProcessId || IsRunning(pid)) continue;
                try { File.Delete(leftover); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // An unlistable directory: the write below reports what is wrong.
        }
    }

    private static bool IsRunning(int pid)
    {
        if (OperatingSystem.IsLinux()) return Directory.Exists("/proc/" + pid);
        try
        {
            using var p = System.Diagnostics.Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
