using System.Collections.Concurrent;
using MAB.DotIgnore;

namespace SeatGuard.Core.Scan;

/// <summary>
/// Walks directory trees on several threads, like ripgrep's walker: honours <c>.gitignore</c> files
/// (in the tree and in its parents up to the repository root, plus <c>.git/info/exclude</c>), never
/// enters <c>.git</c>, and does not follow symbolic links to directories. Each file is handed to the callback on the
/// thread that found it, so walking and scanning overlap.
/// </summary>
public static class TreeWalker
{
    private sealed record IgnoreScope(IgnoreList List, string BaseDir, IgnoreScope? Parent)
    {
        public bool IsIgnored(string fullPath, bool isDirectory)
        {
            for (var s = this; s is not null; s = s.Parent)
            {
                var rel = Path.GetRelativePath(s.BaseDir, fullPath);
                if (rel.StartsWith("..", StringComparison.Ordinal)) continue;
                if (Path.DirectorySeparatorChar != '/') rel = rel.Replace(Path.DirectorySeparatorChar, '/');
                if (s.List.IsIgnored(rel, isDirectory)) return true;
            }
            return false;
        }
    }

    private readonly record struct Work(string Path, IgnoreScope? Scope, bool IsDirectory);

    /// <summary>Calls <paramref name="onFile"/> for every file under <paramref name="root"/> (or for root itself when it is a file).</summary>
    public static void Walk(string root, Action<string> onFile, int threads, CancellationToken cancel = default)
    {
        root = Path.GetFullPath(root);
        if (File.Exists(root))
        {
            onFile(root);
            return;
        }
        var queue = new ConcurrentQueue<Work>();
        queue.Enqueue(new Work(root, ParentScopes(root), true));
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
                    if (work.IsDirectory) ExpandDirectory(work, queue, ref pending);
                    else onFile(work.Path);
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

    private static readonly EnumerationOptions Enumeration = new() { AttributesToSkip = 0, IgnoreInaccessible = true, ReturnSpecialDirectories = false };

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private static void ExpandDirectory(Work dir, ConcurrentQueue<Work> queue, ref int pending)
    {
        var scope = dir.Scope;
        var gitignore = Path.Combine(dir.Path, ".gitignore");
        if (File.Exists(gitignore)) scope = Scope(gitignore, dir.Path, scope);
        try
        {
            // FileSystemEnumerable hands out (path, is-directory) without allocating FileSystemInfo objects.
            var entries = new System.IO.Enumeration.FileSystemEnumerable<(string Path, bool IsDirectory)>(dir.Path,
                (ref System.IO.Enumeration.FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory), Enumeration)
            {
                // Directories that are symbolic links are not followed (no loops, no escaping the tree). The
                // check costs an lstat, so files skip it: a linked file is read like any other file.
                ShouldIncludePredicate = (ref System.IO.Enumeration.FileSystemEntry e) =>
                    !e.IsDirectory || (e.FileName is not (".git" or ".hg" or ".svn") && (e.Attributes & FileAttributes.ReparsePoint) == 0),
            };
            foreach (var (path, isDir) in entries)
            {
                if (scope is not null && scope.IsIgnored(path, isDir)) continue;
                Interlocked.Increment(ref pending);
                queue.Enqueue(new Work(path, scope, isDir));
            }
        }
        catch (Exception ex) when (ex is UnauthorizedAccessException or DirectoryNotFoundException or IOException)
        {
            // Unreadable directories are skipped, as ripgrep does.
        }
    }

    /// <summary>A scope for one ignore file; files without rules (comments only) add no scope.</summary>
    private static IgnoreScope? Scope(string ignoreFile, string baseDir, IgnoreScope? parent)
    {
        var list = new IgnoreList(ignoreFile);
        return list.Rules.Count == 0 ? parent : new IgnoreScope(list, baseDir, parent);
    }

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
        if (File.Exists(exclude)) scope = Scope(exclude, gitRoot, null);
        chain.Reverse();
        foreach (var d in chain)
        {
            var gi = Path.Combine(d, ".gitignore");
            if (File.Exists(gi)) scope = Scope(gi, d, scope);
        }
        return scope;
    }
}
