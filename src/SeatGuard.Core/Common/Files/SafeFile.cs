using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// The one way SeatGuard opens files it did not write itself (settings, credentials, config, transcripts,
/// scanned files): never blocks on a FIFO or a terminal, never reads a device, never reads more than a limit.
/// On Unix the file is opened with <c>O_NONBLOCK</c> and its type checked with <c>fstat</c> on the open handle,
/// so a link swapped between the check and the read cannot point it elsewhere.
/// </summary>
public static partial class SafeFile
{
    /// <summary>Limit for small configuration files (settings, credentials, SeatGuard's config): 4 MiB.</summary>
    public const long ConfigLimit = 4L * 1024 * 1024;

    /// <summary>Limit for data files a user points SeatGuard at (policy books, rules, baselines, price books): 64 MiB.</summary>
    public const long DataLimit = 64L * 1024 * 1024;

    /// <summary>True when <paramref name="path"/> exists as anything (a file, a link, a directory, a FIFO).</summary>
    public static bool Exists(string path) => Path.Exists(path) || IsDanglingLink(path);

    private static bool IsDanglingLink(string path)
    {
        try { return new FileInfo(path).LinkTarget is not null; }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException) { return false; }
    }

    /// <summary>The whole file, or null when nothing is there. Throws <see cref="UnreadableFileException"/> for anything else that is not a readable regular file within <paramref name="maxBytes"/>.</summary>
    public static byte[]? ReadAllBytes(string path, long maxBytes = ConfigLimit)
    {
        using var handle = OpenRegular(path);
        if (handle is null) return null;
        return ReadAll(handle, path, maxBytes);
    }

    /// <summary>Like <see cref="ReadAllBytes"/>, decoded as UTF-8 (a BOM is dropped).</summary>
    public static string? ReadAllText(string path, long maxBytes = ConfigLimit)
    {
        var bytes = ReadAllBytes(path, maxBytes);
        if (bytes is null) return null;
        var span = bytes.AsSpan();
        if (span.StartsWith("\uFEFF"u8)) span = span[3..];
        return System.Text.Encoding.UTF8.GetString(span);
    }

    /// <summary>An open handle on a regular file, or null when the path does not exist. Throws <see cref="UnreadableFileException"/> otherwise.</summary>
    public static SafeFileHandle? OpenRegular(string path)
    {
        var handle = OpenNonBlocking(path, out var notRegular);
        if (handle is null) return null;
        if (notRegular is not null)
        {
            handle.Dispose();
            throw new UnreadableFileException(path, "not a regular file (" + notRegular + "); SeatGuard reads only regular files");
        }
        return handle;
    }

    /// <summary>
    /// Opens for reading without blocking (a FIFO without a writer opens at once and reads as empty) and without
    /// checking the type: for the scanner's hot path, where reads that fail or return binary data are skipped anyway.
    /// Null when the path does not exist.
    /// </summary>
    public static SafeFileHandle? OpenNonBlocking(string path) => OpenNonBlocking(path, out _);

    /// <summary>
    /// Like <see cref="OpenNonBlocking(string)"/>; <paramref name="notRegular"/> names the kind of file when it is not a
    /// regular file (a FIFO, a socket, a device), from the same <c>fstat</c> that rejects directories.
    /// </summary>
    public static SafeFileHandle? OpenNonBlocking(string path, out string? notRegular)
    {
        notRegular = null;
        if (OperatingSystem.IsWindows())
        {
            try { return File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return null; }
            catch (UnauthorizedAccessException) { throw new UnreadableFileException(path, "permission denied"); }
        }
        int fd;
        do fd = Open(path, ReadFlags); while (fd < 0 && Marshal.GetLastPInvokeError() == EINTR);
        return Checked(fd, path, out notRegular);
    }

    /// <summary>
    /// Like <see cref="OpenNonBlocking(string, out string?)"/> for a path given as bytes: a name that is not UTF-8, or a
    /// path longer than PATH_MAX (opened one directory at a time with <c>openat</c>).
    /// </summary>
    public static SafeFileHandle? OpenNonBlocking(byte[] rawPath, out string? notRegular)
    {
        notRegular = null;
        var shown = RawPath.Display(rawPath);
        if (OperatingSystem.IsWindows()) throw new UnreadableFileException(shown, "a path that is not valid text cannot be opened on Windows");
        int fd = OpenRaw(rawPath, ReadFlags);
        return Checked(fd, shown, out notRegular);
    }

    private static int ReadFlags => OperatingSystem.IsMacOS() ? 0x4 | 0x20000 | 0x1000000 : 0x800 | 0x100 | 0x80000; // O_NONBLOCK | O_NOCTTY | O_CLOEXEC

    /// <summary>Opens raw path bytes: directly when short, else the longest short prefix and then one component at a time.</summary>
    internal static int OpenRaw(ReadOnlySpan<byte> rawPath, int flags)
    {
        int fd;
        if (rawPath.Length < RawPath.DirectLimit)
        {
            var z = NulTerminated(rawPath);
            do fd = OpenBytes(z, flags); while (fd < 0 && Marshal.GetLastPInvokeError() == EINTR);
            return fd;
        }
        int split = rawPath[..RawPath.DirectLimit].LastIndexOf((byte)'/');
        var start = split <= 0 ? "/"u8.ToArray() : rawPath[..split].ToArray();
        int dirFlags = ReadFlags;
        fd = OpenBytes(NulTerminated(start), dirFlags);
        if (fd < 0) return fd;
        var rest = rawPath[(split + 1)..];
        while (true)
        {
            int slash = rest.IndexOf((byte)'/');
            var component = slash < 0 ? rest : rest[..slash];
            rest = slash < 0 ? [] : rest[(slash + 1)..];
            if (component.IsEmpty && slash >= 0) continue;
            bool last = slash < 0;
            int next;
            var z = NulTerminated(component);
            do next = OpenAt(fd, z, last ? flags : dirFlags); while (next < 0 && Marshal.GetLastPInvokeError() == EINTR);
            int errno = Marshal.GetLastPInvokeError();
            Close(fd);
            if (next < 0)
            {
                Marshal.SetLastPInvokeError(errno);
                return -1;
            }
            fd = next;
            if (last) return fd;
        }
    }

    private static byte[] NulTerminated(ReadOnlySpan<byte> bytes)
    {
        var z = new byte[bytes.Length + 1];
        bytes.CopyTo(z);
        return z;
    }

    private static SafeFileHandle? Checked(int fd, string path, out string? notRegular)
    {
        notRegular = null;
        if (fd < 0)
        {
            int errno = Marshal.GetLastPInvokeError();
            if (errno is ENOENT or ENOTDIR) return null;
            throw new UnreadableFileException(path, errno switch
            {
                EACCES or EPERM => "permission denied",
                ENXIO => "not a regular file (a socket or a FIFO); SeatGuard reads only regular files",
                EISDIR => "is a directory",
                ENAMETOOLONG => "path too long",
                ELOOP => "too many levels of symbolic links",
                _ => Marshal.GetPInvokeErrorMessage(errno),
            });
        }
        var handle = new SafeFileHandle(fd, ownsHandle: true);
        var type = FileType(handle);
        if (type == DirectoryType)
        {
            handle.Dispose();
            throw new UnreadableFileException(path, "is a directory");
        }
        if (type is { } t && t != RegularType) notRegular = TypeName(t);
        return handle;
    }

    /// <summary>Reads a handle to its end, refusing more than <paramref name="maxBytes"/>.</summary>
    public static byte[] ReadAll(SafeFileHandle handle, string path, long maxBytes)
    {
        var buffer = new byte[(int)Math.Min(Math.Max(maxBytes + 1, 1), 64 * 1024)];
        int read = 0;
        while (true)
        {
            if (read == buffer.Length)
            {
                if (read > maxBytes) throw new UnreadableFileException(path, $"larger than {Describe(maxBytes)}; SeatGuard does not read files this large here");
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxBytes + 1));
            }
            int n;
            try { n = RandomAccess.Read(handle, buffer.AsSpan(read), read); }
            catch (NotSupportedException) { n = ReadUnseekable(handle, buffer.AsSpan(read)); }
            catch (IOException e) { throw new UnreadableFileException(path, e.Message); }
            if (n <= 0) break;
            read += n;
        }
        if (read > maxBytes) throw new UnreadableFileException(path, $"larger than {Describe(maxBytes)}; SeatGuard does not read files this large here");
        return read == buffer.Length ? buffer : buffer[..read];
    }

    private static int ReadUnseekable(SafeFileHandle handle, Span<byte> into)
    {
        using var stream = new FileStream(handle, FileAccess.Read, bufferSize: 0);
        try { return stream.Read(into); }
        catch (IOException) { return 0; } // EAGAIN on a FIFO without data
    }

    private static string Describe(long bytes) => bytes >= 1024 * 1024 ? $"{bytes / (1024 * 1024)} MiB" : $"{bytes} bytes";

    private const int RegularType = 0x8000, DirectoryType = 0x4000;
    private const int EPERM = 1, ENOENT = 2, EINTR = 4, ENXIO = 6, EACCES = 13, ENOTDIR = 20, EISDIR = 21, ENAMETOOLONG = 36, ELOOP = 40;

    private static string TypeName(int type) => type switch
    {
        0x1000 => "a FIFO",
        0x2000 => "a character device",
        0x6000 => "a block device",
        0xC000 => "a socket",
        DirectoryType => "a directory",
        _ => "an unknown kind of file",
    };

    /// <summary>The <c>S_IFMT</c> bits of an open handle, or null when they cannot be read.</summary>
    private static int? FileType(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows()) return null;
        Span<byte> stat = stackalloc byte[512];
        int offset, size;
        if (OperatingSystem.IsMacOS() && RuntimeInformation.ProcessArchitecture == Architecture.Arm64) (offset, size) = (4, 2);
        else if (OperatingSystem.IsMacOS()) return null;
        else if (RuntimeInformation.ProcessArchitecture == Architecture.X64) (offset, size) = (24, 4);
        else if (RuntimeInformation.ProcessArchitecture == Architecture.Arm64) (offset, size) = (16, 4);
        else return null;
        if (!TryFStat(handle, stat)) return null;
        int mode = size == 2 ? BitConverter.ToUInt16(stat.Slice(offset, 2)) : BitConverter.ToInt32(stat.Slice(offset, 4));
        return mode & 0xF000;
    }

    /// <summary>
    /// The device and inode of an open handle (Linux and macOS on arm64), or null where they cannot be read: a file
    /// replaced by another one of the same name has another inode.
    /// </summary>
    public static (ulong Device, ulong Inode)? Identity(SafeFileHandle handle)
    {
        if (OperatingSystem.IsWindows()) return null;
        bool mac = OperatingSystem.IsMacOS();
        if (mac && RuntimeInformation.ProcessArchitecture != Architecture.Arm64) return null;
        if (!mac && RuntimeInformation.ProcessArchitecture is not (Architecture.X64 or Architecture.Arm64)) return null;
        Span<byte> stat = stackalloc byte[512];
        if (!TryFStat(handle, stat)) return null;
        // st_dev is first (4 bytes on macOS, 8 on Linux), st_ino at offset 8 on all three layouts.
        ulong device = mac ? BitConverter.ToUInt32(stat[..4]) : BitConverter.ToUInt64(stat[..8]);
        return (device, BitConverter.ToUInt64(stat.Slice(8, 8)));
    }

    /// <summary>fstat(2) of an open handle into <paramref name="stat"/>; false when it fails or libc has no fstat.</summary>
    private static bool TryFStat(SafeFileHandle handle, Span<byte> stat)
    {
        try
        {
            bool added = false;
            handle.DangerousAddRef(ref added);
            try
            {
                return FStat((int)handle.DangerousGetHandle(), ref MemoryMarshal.GetReference(stat)) == 0;
            }
            finally
            {
                if (added) handle.DangerousRelease();
            }
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true)]
    private static partial int OpenBytes(byte[] path, int flags);

    [LibraryImport("libc", EntryPoint = "openat", SetLastError = true)]
    private static partial int OpenAt(int directory, byte[] path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    [LibraryImport("libc", EntryPoint = "fstat", SetLastError = true)]
    private static partial int FStat(int fd, ref byte buffer);
}
