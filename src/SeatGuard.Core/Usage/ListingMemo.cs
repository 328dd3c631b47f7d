using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// What the last listing of the transcripts found in each session directory (<c>listing.memo</c> beside the store), so
/// that a directory whose stamp has not changed is not read again: its <c>.jsonl</c> files are only stat'ed (a grown
/// transcript changes no directory, a new one changes its directory's stamp). On a history of a thousand sessions that
/// replaces an open, two <c>getdents64</c> and a close per directory by one <c>fstatat</c>. Project directories are
/// always read (new sessions appear there).
/// <para>
/// A directory's times have the file system's clock tick as resolution: a file created in the same tick as the listing
/// that missed it would leave the stamp as listed. So a fresh listing is remembered only when the directory's times
/// are before the memo file's own change time as this run found it (written by an earlier run, so before this run's
/// listing began: a later change of the directory must give it a later time). Otherwise the directory is listed again
/// next run, and the memo rewritten so that its time moves on. The change time is used because nobody can set it
/// (unlike the modification time, which <c>touch -d</c> can put in the future). Any memo is safe to use: an entry is
/// used only while the directory's stamp is exactly the one it was listed with.
/// </para>
/// </summary>
public sealed class ListingMemo
{
    private const uint Magic = 0x4D4C4753; // "SGLM"
    private const byte Version = 1;
    private const int MaxNameBytes = 255;

    private readonly string? _path;
    private readonly Dictionary<string, Dictionary<string, ListedDirectory>> _projects;
    private readonly ConcurrentDictionary<string, Dictionary<string, ListedDirectory>> _updated = new(StringComparer.Ordinal);
    private int _changed;

    /// <summary>A fresh listing is remembered when the directory's times (Unix ns) are before this.</summary>
    public long TrustBeforeNs { get; }

    private ListingMemo(string? path, Dictionary<string, Dictionary<string, ListedDirectory>> projects, long trustBeforeNs, bool changed)
    {
        _path = path;
        _projects = projects;
        TrustBeforeNs = trustBeforeNs;
        _changed = changed ? 1 : 0;
    }

    /// <summary>A memo that remembers nothing and is not saved (tests; a listing that should read every directory).</summary>
    public static ListingMemo None() => new(null, new(StringComparer.Ordinal), long.MinValue, changed: false);

    /// <summary>The memo at <paramref name="path"/>; an empty one (written on <see cref="SaveIfChanged"/>) when it is missing, changed or cut.</summary>
    public static ListingMemo Load(string path)
    {
        var pathBytes = Encoding.UTF8.GetBytes(Path.GetFullPath(path) + "\0");
        if (!StatDirectory.StampAt(StatDirectory.CurrentDirectory, pathBytes, directory: false, out var stamp))
            return new ListingMemo(path, new(StringComparer.Ordinal), long.MinValue, changed: true);
        Dictionary<string, Dictionary<string, ListedDirectory>>? projects = null;
        try
        {
            using var handle = SafeFile.OpenRegular(path);
            if (handle is not null)
            {
                long length = RandomAccess.GetLength(handle);
                if (length is > 12 and < 256 << 20)
                {
                    var bytes = new byte[length];
                    if (RandomAccess.Read(handle, bytes, 0) == length) projects = Parse(bytes);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or UnreadableFileException) { }
        // A memo read as nothing is rewritten; its change time still came before this run's listing.
        return new ListingMemo(path, projects ?? new(StringComparer.Ordinal), stamp.ChangedNs, changed: projects is null);
    }

    /// <summary>What was remembered of a project directory's session directories (by name), or null.</summary>
    internal Dictionary<string, ListedDirectory>? Project(string projectDir) => _projects.GetValueOrDefault(projectDir);

    /// <summary>A project's session directories as this run found them (skipped ones carried over by the caller).</summary>
    internal void Update(string projectDir, Dictionary<string, ListedDirectory> sessions, bool changed)
    {
        _updated[projectDir] = sessions;
        if (changed) Interlocked.Exchange(ref _changed, 1);
    }

    /// <summary>True when something was listed afresh (or the memo was missing) and <see cref="SaveIfChanged"/> would write.</summary>
    public bool Changed => Volatile.Read(ref _changed) == 1;

    /// <summary>Writes the memo (owner-only, atomically, not flushed: a cache) when it changed; a failure leaves the old one.</summary>
    public void SaveIfChanged()
    {
        if (_path is null || !Changed) return;
        var merged = new Dictionary<string, Dictionary<string, ListedDirectory>>(_projects, StringComparer.Ordinal);
        foreach (var (dir, sessions) in _updated) merged[dir] = sessions;
        try
        {
            PrivateFile.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(_path))!); // the store's directory: owner-only, as the store makes it
            AtomicFile.WriteAllBytes(_path, Serialize(merged), PrivateFile.Mode, durable: false);
            _changed = 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static byte[] Serialize(Dictionary<string, Dictionary<string, ListedDirectory>> projects)
    {
        var ms = new MemoryStream();
        using (var w = new BinaryWriter(ms, Encoding.UTF8, leaveOpen: true))
        {
            w.Write(Magic);
            w.Write(Version);
            w.Write(projects.Count);
            foreach (var (dir, sessions) in projects)
            {
                WriteText(w, dir, long.MaxValue);
                w.Write(sessions.Count);
                foreach (var (name, node) in sessions)
                {
                    WriteText(w, name, MaxNameBytes);
                    WriteNode(w, node);
                }
            }
        }
        var hash = System.IO.Hashing.XxHash3.HashToUInt64(ms.GetBuffer().AsSpan(0, (int)ms.Length));
        ms.Write(BitConverter.GetBytes(hash));
        return ms.ToArray();
    }

    private static void WriteNode(BinaryWriter w, ListedDirectory node)
    {
        w.Write(node.Stamp.Device);
        w.Write(node.Stamp.Inode);
        w.Write(node.Stamp.ModifiedNs);
        w.Write(node.Stamp.ChangedNs);
        w.Write(node.Files.Length);
        foreach (var f in node.Files) WriteText(w, f, MaxNameBytes);
        w.Write(node.Directories.Length);
        for (int i = 0; i < node.Directories.Length; i++)
        {
            WriteText(w, node.Directories[i], MaxNameBytes);
            w.Write(node.Children[i] is not null);
            if (node.Children[i] is { } child) WriteNode(w, child);
        }
    }

    private static void WriteText(BinaryWriter w, string text, long maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length > maxBytes || bytes.Length > ushort.MaxValue) throw new IOException("a name too long for the listing memo");
        w.Write((ushort)bytes.Length);
        w.Write(bytes);
    }

    /// <summary>The memo's content, or null when it is not one this version wrote whole (a wrong byte, a cut, a bad name).</summary>
    internal static Dictionary<string, Dictionary<string, ListedDirectory>>? Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 17) return null;
        var body = file[..^8];
        if (System.IO.Hashing.XxHash3.HashToUInt64(body) != BinaryPrimitives.ReadUInt64LittleEndian(file[^8..])) return null;
        var r = new Reader(body);
        if (!r.UInt32(out var magic) || magic != Magic || !r.Byte(out var version) || version != Version || !r.Count(out int projectCount)) return null;
        var projects = new Dictionary<string, Dictionary<string, ListedDirectory>>(projectCount, StringComparer.Ordinal);
        for (int p = 0; p < projectCount; p++)
        {
            if (!r.Text(out var dir, path: true) || !r.Count(out int sessionCount)) return null;
            var sessions = new Dictionary<string, ListedDirectory>(sessionCount, StringComparer.Ordinal);
            for (int s = 0; s < sessionCount; s++)
            {
                if (!r.Text(out var name, path: false) || ReadNode(ref r, TranscriptFiles.MaxDepth) is not { } node) return null;
                sessions[name] = node;
            }
            projects[dir] = sessions;
        }
        return r.AtEnd ? projects : null;
    }

    private static ListedDirectory? ReadNode(ref Reader r, int depth)
    {
        if (!r.UInt64(out var device) || !r.UInt64(out var inode) || !r.Int64(out var modified) || !r.Int64(out var changed) || !r.Count(out int fileCount)) return null;
        var files = new string[fileCount];
        for (int i = 0; i < fileCount; i++)
        {
            if (!r.Text(out files[i], path: false)) return null;
        }
        if (!r.Count(out int dirCount)) return null;
        var dirs = new string[dirCount];
        var children = new ListedDirectory?[dirCount];
        for (int i = 0; i < dirCount; i++)
        {
            if (!r.Text(out dirs[i], path: false) || !r.Byte(out var has) || has > 1) return null;
            if (has == 1)
            {
                if (depth <= 0 || ReadNode(ref r, depth - 1) is not { } child) return null;
                children[i] = child;
            }
        }
        return new ListedDirectory { Stamp = new DirectoryStamp(device, inode, modified, changed), Files = files, Directories = dirs, Children = children };
    }

    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private ReadOnlySpan<byte> _rest = bytes;

        public readonly bool AtEnd => _rest.IsEmpty;

        public bool Byte(out byte value)
        {
            value = 0;
            if (_rest.IsEmpty) return false;
            value = _rest[0];
            _rest = _rest[1..];
            return true;
        }

        public bool UInt32(out uint value)
        {
            value = 0;
            if (_rest.Length < 4) return false;
            value = BinaryPrimitives.ReadUInt32LittleEndian(_rest);
            _rest = _rest[4..];
            return true;
        }

        public bool UInt64(out ulong value)
        {
            value = 0;
            if (_rest.Length < 8) return false;
            value = BinaryPrimitives.ReadUInt64LittleEndian(_rest);
            _rest = _rest[8..];
            return true;
        }

        public bool Int64(out long value)
        {
            bool ok = UInt64(out var v);
            value = (long)v;
            return ok;
        }

        /// <summary>A count no larger than the bytes left could hold (each item takes at least two).</summary>
        public bool Count(out int value)
        {
            value = 0;
            if (!UInt32(out var v) || v > _rest.Length / 2) return false;
            value = (int)v;
            return true;
        }

        /// <summary>A length-prefixed UTF-8 string: a full path (absolute) or a name (no '/', NUL, "." or "..").</summary>
        public bool Text(out string value, bool path)
        {
            value = "";
            if (_rest.Length < 2) return false;
            int length = BinaryPrimitives.ReadUInt16LittleEndian(_rest);
            if (length == 0 || _rest.Length < 2 + length) return false;
            var bytes = _rest.Slice(2, length);
            _rest = _rest[(2 + length)..];
            if (bytes.IndexOf((byte)0) >= 0) return false;
            if (path ? bytes[0] != (byte)'/' : length > MaxNameBytes || bytes.IndexOf((byte)'/') >= 0 || bytes is [(byte)'.'] or [(byte)'.', (byte)'.']) return false;
            value = Encoding.UTF8.GetString(bytes);
            return true;
        }
    }
}
