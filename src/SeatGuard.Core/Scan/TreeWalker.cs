using System.Collections.Concurrent;
using System.Text;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Walks directory trees on several threads, like ripgrep's walker: honours <c>.gitignore</c> files with git's
/// precedence (in the tree and in its parents up to the repository root, plus <c>.git/info/exclude</c>; a deeper
/// file overrides a shallower one, the last matching rule wins), never enters <c>.git</c>, and does not follow
/// symbolic links to directories. Each file is handed to the callback on the thread that found it, so walking and
/// scanning overlap. Names that are not UTF-8 and paths longer than PATH_MAX, which .NET cannot open by name, are
/// listed and handed over as raw bytes (<see cref="WalkedFile.Raw"/>). What is not walked is reported, never lost.
/// </summary>
public static class TreeWalker
{
    /// <summary>One file found: its path as text, and its exact bytes when the text cannot be opened by name.</summary>
    public readonly record struct WalkedFile(string Path, byte[]? Raw);

    /// <summary>Why an entry was not handed to the callback.</summary>
    public enum SkipReason : byte
    {
        /// <summary>Left out by an ignore rule.</summary>
        Ignored,
        /// <summary>Could not be read or listed.</summary>
        Unreadable,
    }

    /// <summary>Limits on what one ignore file may cost.</summary>
    private const long IgnoreFileLimit = 16L * 1024 * 1024;

    private sealed record IgnoreScope(IgnoreFile Rules, string BaseDir, IgnoreScope? Parent)
    {
        /// <summary>git's precedence: the deepest file with a rule that matches decides.</summary>
        public bool IsIgnored(string fullPath, bool isDirectory)
        {
            int slash = fullPath.LastIndexOf('/');
            var name = slash >= 0 ? fullPath[(slash + 1)..] : fullPath;
            for (var s = this; s is not null; s = s.Parent)
            {
                string rel;
                if (fullPath.Length > s.BaseDir.Length && fullPath.StartsWith(s.BaseDir, StringComparison.Ordinal) && fullPath[s.BaseDir.Length] == '/')
                    rel = fullPath[(s.BaseDir.Length + 1)..];
                else
                {
                    rel = Path.GetRelativePath(s.BaseDir, fullPath);
                    if (rel.StartsWith("..", StringComparison.Ordinal)) continue;
                    if (Path.DirectorySeparatorChar != '/') rel = rel.Replace(Path.DirectorySeparatorChar, '/');
                }
                var verdict = s.Rules.Match(rel, name, isDirectory);
                if (verdict != IgnoreFile.Verdict.NoMatch) return verdict == IgnoreFile.Verdict.Ignored;
            }
            return false;
        }
    }

    private readonly record struct Work(string Path, IgnoreScope? Scope, bool IsDirectory, byte[]? Raw);

    /// <summary>Calls <paramref name="onFile"/> for every file under <paramref name="root"/> (or for root itself when it is a file).</summary>
    public static void Walk(string root, Action<string> onFile, int threads, CancellationToken cancel = default) =>
        Walk(root, f => onFile(f.Path), threads, cancel);

    /// <summary>
    /// Calls <paramref name="onFile"/> for every file under <paramref name="root"/>, and <paramref name="onSkipped"/>
    /// for every entry not walked: ignored files and directories, directories that cannot be listed.
    /// </summary>
    public static void Walk(string root, Action<WalkedFile> onFile, int threads, CancellationToken cancel = default,
        Action<string, bool, SkipReason, string?>? onSkipped = null)
    {
        root = Path.GetFullPath(root);
        if (File.Exists(root))
        {
            onFile(new WalkedFile(root, null));
            return;
        }
        var queue = new ConcurrentQueue<Work>();
        queue.Enqueue(new Work(root, ParentScopes(root), true, RawPath.IsOpenableByName(RawPath.Of(root)) ? null : RawPath.Of(root)));
        int pending = 1;
        Exception? failure = null;

        [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
        void Worker()
        {
            var spin = new SpinWait();
            while (Volatile.Read(ref pending) > 0 && failure is null && !cancel.IsCancellationRequested)
            {
                if (!queue.TryDequeue(out var work))
                {
                    spin.SpinOnce(sleep1Threshold: 30);
                    continue;
                }
                spin.Reset();
                try
                {
                    if (!work.IsDirectory) onFile(new WalkedFile(work.Path, work.Raw));
                    else if (work.Raw is null) ExpandDirectory(work, queue, ref pending, onSkipped);
                    else ExpandRawDirectory(work, queue, ref pending, onSkipped);
                }
                catch (Exception ex)
                {
                    Interlocked.CompareExchange(ref failure, ex, null);
                }
                finally
                {
                    Interlocked.Decrement(ref pending);
                }
            }
        }

        var others = Enumerable.Range(0, Math.Max(0, threads - 1)).Select(_ => new Thread(Worker) { IsBackground = true }).ToArray();
        foreach (var t in others) t.Start();
        Worker();
        foreach (var t in others) t.Join();
        if (failure is not null) throw new AggregateException(failure);
        cancel.ThrowIfCancellationRequested();
    }

    private static readonly EnumerationOptions Enumeration = new() { AttributesToSkip = 0, IgnoreInaccessible = false, ReturnSpecialDirectories = false };

    private static bool IsVcsDirectory(ReadOnlySpan<char> name) => name is ".git" or ".hg" or ".svn";

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ExpandDirectory(Work dir, ConcurrentQueue<Work> queue, ref int pending, Action<string, bool, SkipReason, string?>? onSkipped)
    {
        // Near PATH_MAX the children could not be opened by name: walk on with raw paths.
        if (Encoding.UTF8.GetByteCount(dir.Path) + 256 >= RawPath.DirectLimit)
        {
            ExpandRawDirectory(dir with { Raw = RawPath.Of(dir.Path) }, queue, ref pending, onSkipped);
            return;
        }
        var scope = dir.Scope;
        var gitignore = Path.Combine(dir.Path, ".gitignore");
        if (File.Exists(gitignore)) scope = Scope(ReadIgnoreFile(gitignore, null, onSkipped), dir.Path, scope);
        bool lossy = false;
        try
        {
            // FileSystemEnumerable hands out (path, is-directory) without allocating FileSystemInfo objects.
            var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsDirectory, bool Lossy)>(dir.Path,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory, e.FileName.Contains('\uFFFD')), Enumeration)
            {
                // Directories that are symbolic links are not followed (no loops, no escaping the tree). The
                // check costs an lstat, so files skip it: a linked file is read like any other file.
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) =>
                    !e.IsDirectory || (!IsVcsDirectory(e.FileName) && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            };
            foreach (var (path, isDir, nameIsLossy) in entries)
            {
                if (nameIsLossy)
                {
                    // The name may not be UTF-8: .NET's text for it cannot be opened. Listed again as bytes below.
                    lossy = true;
                    continue;
                }
                if (scope is not null && scope.IsIgnored(path, isDir))
                {
                    onSkipped?.Invoke(path, isDir, SkipReason.Ignored, null);
                    continue;
                }
                Interlocked.Increment(ref pending);
                queue.Enqueue(new Work(path, scope, isDir, null));
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
        {
            onSkipped?.Invoke(dir.Path, true, SkipReason.Unreadable, ex is UnauthorizedAccessException ? "permission denied" : ex.Message);
        }
        if (!lossy) return;
        try
        {
            foreach (var (name, kind) in RawDirectory.List(RawPath.Of(dir.Path)))
            {
                if (RawPath.IsUtf8(name) && !Encoding.UTF8.GetString(name).Contains('\uFFFD')) continue; // walked above
                EnqueueRaw(RawPath.Combine(RawPath.Of(dir.Path), name), kind, scope, queue, ref pending, onSkipped);
            }
        }
        catch (UnreadableFileException e)
        {
            onSkipped?.Invoke(dir.Path, true, SkipReason.Unreadable, e.Reason);
        }
    }

    /// <summary>A directory reached by its bytes: listed with readdir, children passed on as bytes.</summary>
    private static void ExpandRawDirectory(Work dir, ConcurrentQueue<Work> queue, ref int pending, Action<string, bool, SkipReason, string?>? onSkipped)
    {
        var raw = dir.Raw!;
        var scope = dir.Scope;
        try
        {
            var entries = RawDirectory.List(raw);
            if (entries.Any(e => e.Name.AsSpan().SequenceEqual(".gitignore"u8)))
                scope = Scope(ReadIgnoreFile(dir.Path + "/.gitignore", RawPath.Combine(raw, ".gitignore"u8), onSkipped), dir.Path, scope);
            foreach (var (name, kind) in entries) EnqueueRaw(RawPath.Combine(raw, name), kind, scope, queue, ref pending, onSkipped);
        }
        catch (UnreadableFileException e)
        {
            onSkipped?.Invoke(dir.Path, true, SkipReason.Unreadable, e.Reason);
        }
    }

    private static void EnqueueRaw(byte[] full, RawDirectory.EntryKind kind, IgnoreScope? scope, ConcurrentQueue<Work> queue, ref int pending,
        Action<string, bool, SkipReason, string?>? onSkipped)
    {
        var shown = RawPath.Display(full);
        int slash = shown.LastIndexOf('/');
        bool isDir = kind == RawDirectory.EntryKind.Directory;
        if (isDir && IsVcsDirectory(shown.AsSpan(slash + 1))) return;
        if (kind == RawDirectory.EntryKind.Other) return; // a FIFO, socket or device: never opened
        if (kind == RawDirectory.EntryKind.Unknown) isDir = IsRealDirectory(full);
        if (scope is not null && scope.IsIgnored(shown, isDir))
        {
            onSkipped?.Invoke(shown, isDir, SkipReason.Ignored, null);
            return;
        }
        Interlocked.Increment(ref pending);
        // A raw path that turns out to be openable by name (a valid name in a shallow directory) still goes by its bytes.
        queue.Enqueue(new Work(shown, scope, isDir, full));
    }

    /// <summary>For file systems that do not report entry types: a directory that is not a symbolic link.</summary>
    private static bool IsRealDirectory(byte[] full)
    {
        try
        {
            var text = RawPath.Display(full);
            return RawPath.IsOpenableByName(full) && Directory.Exists(text) && new DirectoryInfo(text).LinkTarget is null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    /// <summary>An ignore file's rules; one that cannot be read (not a regular file, too large) has none and is reported.</summary>
    private static IgnoreFile? ReadIgnoreFile(string path, byte[]? raw, Action<string, bool, SkipReason, string?>? onSkipped)
    {
        try
        {
            byte[]? bytes;
            if (raw is null) bytes = SafeFile.ReadAllBytes(path, IgnoreFileLimit);
            else
            {
                using var handle = SafeFile.OpenNonBlocking(raw, out var notRegular);
                if (handle is null) return null;
                if (notRegular is not null) throw new UnreadableFileException(path, "not a regular file (" + notRegular + ")");
                bytes = SafeFile.ReadAll(handle, path, IgnoreFileLimit);
            }
            if (bytes is null) return null;
            var span = bytes.AsSpan();
            if (span.StartsWith("\uFEFF"u8)) span = span[3..];
            return IgnoreFile.Parse(Encoding.UTF8.GetString(span));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            onSkipped?.Invoke(path, false, SkipReason.Unreadable, e is UnreadableFileException u ? u.Reason : e.Message);
            return null;
        }
    }

    /// <summary>A scope for one ignore file; files without rules (comments only, unreadable) add no scope.</summary>
    private static IgnoreScope? Scope(IgnoreFile? rules, string baseDir, IgnoreScope? parent) =>
        rules is null || rules.Count == 0 ? parent : new IgnoreScope(rules, baseDir, parent);

    /// <summary>Ignore files of the directories above <paramref name="dir"/> up to the git root, and .git/info/exclude.</summary>
    private static IgnoreScope? ParentScopes(string dir)
    {
        var chain = new List<string>();
        string? gitRoot = null;
        for (var d = new DirectoryInfo(dir).Parent; d is not null; d = d.Parent)
        {
            chain.Add(d.FullName);
            if (Path.Exists(Path.Combine(d.FullName, ".git"))) { gitRoot = d.FullName; break; }
        }
        if (Path.Exists(Path.Combine(dir, ".git"))) { gitRoot = dir; chain.Clear(); }
        if (gitRoot is null) return null;
        IgnoreScope? scope = null;
        var exclude = Path.Combine(gitRoot, ".git", "info", "exclude");
        if (File.Exists(exclude)) scope = Scope(ReadIgnoreFile(exclude, null, null), gitRoot, null);
        chain.Reverse();
        foreach (var d in chain)
        {
            var gi = Path.Combine(d, ".gitignore");
            if (File.Exists(gi)) scope = Scope(ReadIgnoreFile(gi, null, null), d, scope);
        }
        return scope;
    }
}
