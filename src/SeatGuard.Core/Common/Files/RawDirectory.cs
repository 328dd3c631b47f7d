using System.Runtime.InteropServices;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// Lists a directory by its path bytes with <c>readdir</c> (Linux): the names exactly as stored, also names that are
/// not UTF-8 and directories deeper than PATH_MAX, which .NET's enumeration cannot reach.
/// </summary>
public static partial class RawDirectory
{
    /// <summary>What <c>d_type</c> says an entry is.</summary>
    public enum EntryKind : byte
    {
        /// <summary>The file system did not say what the entry is (<c>DT_UNKNOWN</c>).</summary>
        Unknown,
        /// <summary>A directory.</summary>
        Directory,
        /// <summary>A regular file.</summary>
        File,
        /// <summary>A symbolic link.</summary>
        Link,
        /// <summary>Anything else: a device, pipe or socket.</summary>
        Other,
    }

    /// <summary>True where raw listing works (Linux).</summary>
    public static bool IsSupported => OperatingSystem.IsLinux();

    /// <summary>The entries of a directory (without <c>.</c> and <c>..</c>); throws <see cref="UnreadableFileException"/> when it cannot be listed.</summary>
    public static List<(byte[] Name, EntryKind Kind)> List(byte[] directory)
    {
        var shown = RawPath.Display(directory);
        if (!IsSupported) throw new UnreadableFileException(shown, "names that are not valid text are listed on Linux only");
        int fd = SafeFile.OpenRaw(directory, 0x80000 | 0x800); // O_CLOEXEC | O_NONBLOCK, read-only
        if (fd < 0) throw new UnreadableFileException(shown, Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError()));
        var dir = FdOpenDir(fd);
        if (dir == IntPtr.Zero)
        {
            SafeFile.Close(fd);
            throw new UnreadableFileException(shown, "not a directory");
        }
        var entries = new List<(byte[], EntryKind)>();
        try
        {
            while (true)
            {
                var entry = ReadDir(dir);
                if (entry == IntPtr.Zero) break;
                // struct dirent (glibc and musl, 64-bit): d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name.
                byte type = Marshal.ReadByte(entry, 18);
                var name = NameAt(entry + 19);
                if (name is [(byte)'.'] or [(byte)'.', (byte)'.']) continue;
                entries.Add((name, type switch { 4 => EntryKind.Directory, 8 => EntryKind.File, 10 => EntryKind.Link, 0 => EntryKind.Unknown, _ => EntryKind.Other }));
            }
        }
        finally
        {
            CloseDir(dir);
        }
        return entries;
    }

    private static byte[] NameAt(IntPtr p)
    {
        int n = 0;
        while (n < 4096 && Marshal.ReadByte(p, n) != 0) n++;
        var name = new byte[n];
        Marshal.Copy(p, name, 0, n);
        return name;
    }

    [LibraryImport("libc", EntryPoint = "fdopendir", SetLastError = true)]
    private static partial IntPtr FdOpenDir(int fd);

    [LibraryImport("libc", EntryPoint = "readdir", SetLastError = true)]
    private static partial IntPtr ReadDir(IntPtr dir);

    [LibraryImport("libc", EntryPoint = "closedir", SetLastError = true)]
    private static partial int CloseDir(IntPtr dir);
}
