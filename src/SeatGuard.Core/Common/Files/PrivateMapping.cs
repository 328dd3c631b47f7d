using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace SeatGuard.Core.Common.Files;

/// <summary>
/// A file's bytes mapped copy-on-write (<c>MAP_PRIVATE</c>), followed by zeroed room to grow into: the pages of a file
/// already in the page cache are used as they are, so "reading" megabytes costs a fraction of a millisecond instead
/// of copying them into fresh memory (whose first-touch page faults were most of the cost), and writes change only
/// this process's copy of the pages written, never the file. Linux and macOS; elsewhere <see cref="Map"/> is null.
/// The mapping is released by <see cref="Dispose"/> or, when dropped, by the finalizer; the file must not be
/// truncated while it is mapped (SeatGuard replaces its files by renaming, never in place).
/// </summary>
public sealed unsafe partial class PrivateMapping : IDisposable
{
    private byte* _base;
    private readonly nuint _total;

    private PrivateMapping(byte* address, nuint total, long length)
    {
        _base = address;
        _total = total;
        Length = length;
    }

    /// <summary>The mapped bytes: the file's, then the room after them (zeros).</summary>
    public byte* Pointer => _base != null ? _base : throw new ObjectDisposedException(nameof(PrivateMapping));
    /// <summary>The file's length.</summary>
    public long Length { get; }
    /// <summary>Bytes that can be used from <see cref="Pointer"/> (the file and the room after it).</summary>
    public long Capacity => (long)_total;

    private static bool Supported => (OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())
        && RuntimeInformation.ProcessArchitecture is Architecture.X64 or Architecture.Arm64;

    /// <summary>Maps <paramref name="length"/> bytes of an open file and <paramref name="room"/> bytes more; null where mapping is not available or fails.</summary>
    public static PrivateMapping? Map(SafeFileHandle file, long length, long room)
    {
        if (!Supported || length <= 0 || room < 0) return null;
        long page = Environment.SystemPageSize;
        long fileSpan = (length + page - 1) / page * page;
        long total = (length + room + page - 1) / page * page;
        if (total > nint.MaxValue / 2) return null;
        const int PROT_READ = 1, PROT_WRITE = 2, MAP_PRIVATE = 2, MAP_FIXED = 0x10;
        int anonymous = OperatingSystem.IsMacOS() ? 0x1000 : 0x20;
        try
        {
            // Room first (anonymous, zeroed), then the file over its start: one contiguous range.
            var address = MMap(null, (nuint)total, PROT_READ | PROT_WRITE, MAP_PRIVATE | anonymous, -1, 0);
            if (address == (void*)-1) return null;
            bool added = false;
            try
            {
                file.DangerousAddRef(ref added);
                var mapped = MMap(address, (nuint)fileSpan, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_FIXED, (int)file.DangerousGetHandle(), 0);
                if (mapped != address)
                {
                    MUnmap(address, (nuint)total);
                    return null;
                }
            }
            finally
            {
                if (added) file.DangerousRelease();
            }
            return new PrivateMapping((byte*)address, (nuint)total, length);
        }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException)
        {
            return null;
        }
    }

    /// <summary>Unmaps (pointers taken from it are invalid from then on).</summary>
    public void Dispose()
    {
        Release();
        GC.SuppressFinalize(this);
    }

    /// <summary>Unmaps a mapping that was dropped without <see cref="Dispose"/>.</summary>
    ~PrivateMapping() => Release();

    private void Release()
    {
        var p = _base;
        _base = null;
        if (p != null) MUnmap(p, _total);
    }

    [LibraryImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static partial void* MMap(void* address, nuint length, int protection, int flags, int fd, long offset);

    [LibraryImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static partial int MUnmap(void* address, nuint length);
}
