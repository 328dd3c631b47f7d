using System.Runtime.InteropServices;
using System.Text;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// Lists a directory with the fewest system calls Linux allows: <c>open</c>, <c>getdents64</c>
/// and <c>fstatat</c> relative to the open directory for only the entries the caller wants sizes of — the entry type
/// comes from <c>d_type</c>, so subdirectories and skipped names cost no <c>stat</c> at all. .NET's enumeration stats
/// every entry whose attributes or length are asked for, by full path; on a history of thousands of transcripts that
/// was most of a status line's time. Elsewhere (or when libc lacks a call) <see cref="IsSupported"/> is false and the
/// caller uses .NET's enumeration.
/// </summary>
public static partial class StatDirectory
{
    /// <summary>An entry: its name, what <c>d_type</c> (or, where the file system does not say, <c>lstat</c>) says it is,
    /// and for the entries asked for the size and modification time of what it names (a link is followed).</summary>
    public readonly record struct Entry(string Name, RawDirectory.EntryKind Kind, long Size, DateTime LastWriteUtc);

    private static int _state = OperatingSystem.IsLinux() && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64 ? 1 : 0;

    /// <summary>True where this lister works (Linux on x64 and arm64, a libc with <c>fstatat</c>).</summary>
    public static bool IsSupported => Volatile.Read(ref _state) == 1;

    private const int O_RDONLY_DIRECTORY_CLOEXEC = 0x10000 | 0x80000 | 0x800; // O_DIRECTORY | O_CLOEXEC | O_NONBLOCK
    private const int AT_SYMLINK_NOFOLLOW = 0x100;

    /// <summary>
    /// The entries of <paramref name="directory"/> (no <c>.</c> and <c>..</c>); <paramref name="wantStat"/> picks the
    /// non-directories whose size and time are read. Null when the directory cannot be opened or listed, or when this
    /// lister turned out not to work here (then <see cref="IsSupported"/> is false from now on).
    /// </summary>
    public static List<Entry>? List(string directory, Func<string, bool> wantStat)
    {
        if (!IsSupported) return null;
        try
        {
            return ListCore(directory, wantStat);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            Volatile.Write(ref _state, 0);
            return null;
        }
    }

    // The 32 KB buffer is not zeroed first (once per directory, that was a memset of 40 MB on a history of a thousand
    // session directories): only the bytes getdents64 wrote, and a stat buffer fstatat filled, are read.
    [System.Runtime.CompilerServices.SkipLocalsInit]
    private static unsafe List<Entry>? ListCore(string directory, Func<string, bool> wantStat)
    {
        int fd = OpenDirectory(directory, O_RDONLY_DIRECTORY_CLOEXEC);
        if (fd < 0) return null;
        var entries = new List<Entry>(); // most directories of a history hold one or two entries (a session's subagents/)
        byte* stat = stackalloc byte[256];
        const int BufferSize = 32 * 1024;
        byte* buffer = stackalloc byte[BufferSize];
        try
        {
            while (true)
            {
                // getdents64 itself (no opendir: glibc's fdopendir adds an fstat and an fcntl per directory).
                long n;
                do n = SysCall(GetDents64Number, fd, buffer, BufferSize); while (n < 0 && Marshal.GetLastPInvokeError() == 4); // EINTR
                if (n < 0) return null;
                if (n == 0) break;
                for (long at = 0; at < n;)
                {
                    // struct linux_dirent64: d_ino 8, d_off 8, d_reclen 2, d_type 1, d_name (NUL-terminated).
                    byte* p = buffer + at;
                    at += *(ushort*)(p + 16);
                    byte type = p[18];
                    byte* namePtr = p + 19;
                    int length = 0;
                    while (length < 256 && namePtr[length] != 0) length++;
                    var nameBytes = new ReadOnlySpan<byte>(namePtr, length);
                    if (nameBytes is [(byte)'.'] or [(byte)'.', (byte)'.']) continue;
                    var kind = KindOf(type);
                    if (kind == RawDirectory.EntryKind.Unknown && FStatAt(fd, namePtr, stat, AT_SYMLINK_NOFOLLOW) == 0) kind = KindOfMode(*(uint*)(stat + ModeOffset));
                    var name = Encoding.UTF8.GetString(nameBytes);
                    if (kind == RawDirectory.EntryKind.Directory || !wantStat(name))
                    {
                        entries.Add(new Entry(name, kind, 0, default));
                        continue;
                    }
                    // Size and time of what the name refers to (a link to a file counts as that file, as .NET reports it);
                    // a dangling link is reported as the link itself, and its type is checked when it is opened.
                    if (FStatAt(fd, namePtr, stat, 0) != 0 && FStatAt(fd, namePtr, stat, AT_SYMLINK_NOFOLLOW) != 0) continue; // vanished
                    if (KindOfMode(*(uint*)(stat + ModeOffset)) == RawDirectory.EntryKind.Directory) continue; // a link to a directory (or a race): neither a file nor followed
                    long size = *(long*)(stat + 48);
                    long seconds = *(long*)(stat + 88), nanos = *(long*)(stat + 96);
                    entries.Add(new Entry(name, kind, size, DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + nanos / 100)));
                }
            }
        }
        finally
        {
            SafeFile.Close(fd);
        }
        return entries;
    }

    /// <summary>
    /// Opens a directory to stat names relative to it (<see cref="StampAt"/>, <see cref="FileAt"/>); -1 when it cannot be
    /// opened. Close it with <see cref="SafeFile.Close"/>.
    /// </summary>
    public static int OpenForStat(string directory) => IsSupported ? OpenDirectory(directory, O_RDONLY_DIRECTORY_CLOEXEC) : -1;

    /// <summary>Relative to the working directory: <see cref="StampAt"/> and <see cref="FileAt"/> with a full path.</summary>
    public const int CurrentDirectory = -100; // AT_FDCWD

    /// <summary>
    /// The stamp of what <paramref name="path"/> names relative to <paramref name="directoryFd"/> (a NUL-terminated UTF-8
    /// path, not followed when it is a link); false when it is gone, or is not a directory when <paramref name="directory"/>
    /// (not a regular file otherwise).
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static unsafe bool StampAt(int directoryFd, ReadOnlySpan<byte> path, bool directory, out DirectoryStamp stamp)
    {
        byte* st = stackalloc byte[256];
        stamp = default;
        if (!IsSupported || path.IsEmpty || path[^1] != 0) return false;
        fixed (byte* p = path)
        {
            if (FStatAt(directoryFd, p, st, AT_SYMLINK_NOFOLLOW) != 0) return false;
        }
        if (KindOfMode(*(uint*)(st + ModeOffset)) != (directory ? RawDirectory.EntryKind.Directory : RawDirectory.EntryKind.File)) return false;
        stamp = Stamp(st);
        return true;
    }

    /// <summary>
    /// The size and modification time of the file <paramref name="path"/> names relative to <paramref name="directoryFd"/>
    /// (NUL-terminated UTF-8; a link is followed, a dangling one reported as itself, as <see cref="List"/> does); false
    /// when it is gone or a directory.
    /// </summary>
    [System.Runtime.CompilerServices.SkipLocalsInit]
    public static unsafe bool FileAt(int directoryFd, ReadOnlySpan<byte> path, out long size, out DateTime lastWriteUtc)
    {
        byte* st = stackalloc byte[256];
        size = 0;
        lastWriteUtc = default;
        if (!IsSupported || path.IsEmpty || path[^1] != 0) return false;
        fixed (byte* p = path)
        {
            if (FStatAt(directoryFd, p, st, 0) != 0 && FStatAt(directoryFd, p, st, AT_SYMLINK_NOFOLLOW) != 0) return false;
        }
        if (KindOfMode(*(uint*)(st + ModeOffset)) == RawDirectory.EntryKind.Directory) return false;
        size = *(long*)(st + 48);
        long seconds = *(long*)(st + 88), nanos = *(long*)(st + 96);
        lastWriteUtc = DateTime.UnixEpoch.AddTicks(seconds * TimeSpan.TicksPerSecond + nanos / 100);
        return true;
    }

    // struct stat: st_dev at 0 and st_ino at 8 on both layouts; st_mtim at 88 and st_ctim at 104.
    private static unsafe DirectoryStamp Stamp(byte* st) =>
        new(*(ulong*)st, *(ulong*)(st + 8), *(long*)(st + 88) * 1_000_000_000 + *(long*)(st + 96), *(long*)(st + 104) * 1_000_000_000 + *(long*)(st + 112));

    /// <summary>The getdents64 system call's number: 217 on x86-64, 61 on arm64 (the generic table).</summary>
    private static long GetDents64Number => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 217 : 61;

    // struct stat: st_mode is at 24 on x86-64 (after st_nlink, 8 bytes) and at 16 on the generic (arm64) layout;
    // st_size at 48 and st_mtim at 88 on both.
    private static int ModeOffset => RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 24 : 16;

    private static RawDirectory.EntryKind KindOf(byte type) => type switch
    {
        4 => RawDirectory.EntryKind.Directory, 8 => RawDirectory.EntryKind.File, 10 => RawDirectory.EntryKind.Link, 0 => RawDirectory.EntryKind.Unknown,
        _ => RawDirectory.EntryKind.Other,
    };

    private static RawDirectory.EntryKind KindOfMode(uint mode) => (mode & 0xF000) switch
    {
        0x4000 => RawDirectory.EntryKind.Directory, 0x8000 => RawDirectory.EntryKind.File, 0xA000 => RawDirectory.EntryKind.Link, _ => RawDirectory.EntryKind.Other,
    };

    private static int OpenDirectory(string path, int flags)
    {
        int fd;
        do fd = Open(path, flags); while (fd < 0 && Marshal.GetLastPInvokeError() == 4); // EINTR
        return fd;
    }

    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "syscall", SetLastError = true)]
    private static unsafe partial long SysCall(long number, int fd, byte* buffer, long count);

    [LibraryImport("libc", EntryPoint = "fstatat", SetLastError = true)]
    private static unsafe partial int FStatAt(int directory, byte* name, byte* stat, int flags);
}
