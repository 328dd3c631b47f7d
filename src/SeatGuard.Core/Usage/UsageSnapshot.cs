using SeatGuard.Core.Common.Files;
namespace SeatGuard.Core.Usage;

/// <summary>
/// The deduplicated entries of a load, next to the SQLite cache as <c>usage-snapshot-&lt;signature&gt;.bin</c>, where
/// the signature covers every transcript's path, size and mtime and the load options. When nothing changed, a warm
/// run reads one small file and never opens the database. The four most recent snapshots are kept (a full report
/// and the status line's recent window do not evict each other). Unreadable or foreign files are ignored.
/// </summary>
internal static class UsageSnapshot
{
    private static ReadOnlySpan<byte> Magic => "SGUSAGE1"u8;
    private const int Keep = 4;

    private static string PathFor(string cachePath, ulong signature) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cachePath))!, $"usage-snapshot-{signature:x16}.bin");

    public static (List<UsageEntry> Entries, int Malformed)? TryLoad(string cachePath, ulong signature)
    {
        try
        {
            var bytes = File.ReadAllBytes(PathFor(cachePath, signature));
            if (bytes.Length < 20 || !bytes.AsSpan(0, 8).SequenceEqual(Magic) || BitConverter.ToUInt64(bytes, 8) != signature) return null;
            int malformed = BitConverter.ToInt32(bytes, 16);
            return (EntryCodec.Decode(bytes[20..], null), malformed);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    public static void Store(string cachePath, ulong signature, List<UsageEntry> entries, int malformed, List<string> warnings)
    {
        var path = PathFor(cachePath, signature);
        try
        {
            using var buffer = new MemoryStream();
            buffer.Write(Magic);
            buffer.Write(BitConverter.GetBytes(signature));
            buffer.Write(BitConverter.GetBytes(malformed));
            buffer.Write(EntryCodec.Encode(entries));
            AtomicFile.WriteAllBytes(path, buffer.GetBuffer().AsSpan(0, (int)buffer.Length), PrivateFile.Mode);
            var old = new DirectoryInfo(Path.GetDirectoryName(path)!).GetFiles("usage-snapshot-*.bin")
                .OrderByDescending(f => f.LastWriteTimeUtc).Skip(Keep);
            foreach (var f in old) f.Delete();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            warnings.Add("usage snapshot not written: " + ex.Message);
        }
    }
}
