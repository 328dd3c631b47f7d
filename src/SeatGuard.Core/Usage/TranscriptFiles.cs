using System.IO.Enumeration;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Finds transcripts: every <c>.jsonl</c> file under <c>&lt;root&gt;/projects/&lt;project&gt;/</c> for every transcript root.
/// A file directly in the project directory is a session (<c>&lt;session&gt;.jsonl</c>); a file anywhere below a
/// directory of the project — <c>&lt;session&gt;/subagents/agent-*.jsonl</c>,
/// <c>&lt;session&gt;/subagents/workflows/&lt;run&gt;/agent-*.jsonl</c>, or a layout Claude Code adds later — belongs to the
/// session that directory names. Directory links are not followed and the depth is bounded, so a loop cannot hang
/// the listing. Sizes and times come from the directory enumeration itself (no extra stat per file).
/// </summary>
public static class TranscriptFiles
{
    /// <summary>Directories below a session directory that are searched (subagents/workflows/run is 3).</summary>
    public const int MaxDepth = 6;

    /// <summary>The transcripts under Claude Code's config dirs (or <paramref name="configDirOverride"/>), optionally of one project.</summary>
    public static IReadOnlyList<TranscriptFile> Find(HostContext host, string? configDirOverride = null, string? project = null) =>
        Find(ClaudePaths.TranscriptRoots(host, configDirOverride), project);

    /// <summary>The transcripts under these roots, optionally of one project.</summary>
    /// <param name="roots">Transcript roots (each holding <c>projects/</c>).</param>
    /// <param name="project">Only this project.</param>
    /// <param name="writtenSince">
    /// Only files written since then are wanted (others may be listed too): the directory of a session whose own
    /// transcript was last written before then is not walked — its subagents' transcripts are written while the
    /// session's own is (the task's call before, its result after), so none of them can be newer. A status line then
    /// lists a history of a thousand sessions with one directory read per project.
    /// </param>
    /// <param name="memo">
    /// What earlier listings found in each session directory: an unchanged directory is not read again (see
    /// <see cref="ListingMemo"/>); null reads every directory. Updated, not saved.
    /// </param>
    public static IReadOnlyList<TranscriptFile> Find(IEnumerable<string> roots, string? project = null, DateTime? writtenSince = null, ListingMemo? memo = null)
    {
        var projectDirs = new List<string>();
        foreach (var root in roots.Distinct(StringComparer.Ordinal))
        {
            foreach (var projectDir in Directories(Path.Combine(root, "projects")))
            {
                if (project is null || ProjectMatches(Path.GetFileName(projectDir), project)) projectDirs.Add(projectDir);
            }
        }
        // Ordered as their files' paths sort ("p/" before "p-2/"): each project's files, sorted by its own task, then
        // follow one another in path order without a sort of the whole listing.
        projectDirs = projectDirs.Distinct(StringComparer.Ordinal).OrderBy(d => d + "/", StringComparer.Ordinal).ToList();
        // One project per task, on every core: the listing is one open/getdents per directory and one stat per file,
        // and a history of a thousand session directories spends most of a status line's time there.
        var perProject = new List<TranscriptFile>[projectDirs.Count];
        Parallel.For(0, projectDirs.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var list = ListProject(projectDirs[i], writtenSince, StatDirectory.IsSupported ? memo : null);
            list.Sort(ByPath);
            perProject[i] = list;
        });
        var files = new List<TranscriptFile>(perProject.Sum(p => p.Count));
        foreach (var list in perProject) files.AddRange(list);
        for (int i = 1; i < files.Count; i++)
        {
            if (ByPath(files[i - 1], files[i]) < 0) continue;
            // Not strictly ascending (a path listed twice, say): sorted and made unique the slow way.
            files = files.DistinctBy(f => f.Source.Path, StringComparer.Ordinal).ToList();
            files.Sort(ByPath);
            break;
        }
        return files;
    }

    private static int ByPath(TranscriptFile a, TranscriptFile b) => string.CompareOrdinal(a.Source.Path, b.Source.Path);

    /// <summary>
    /// A project's transcripts: its session files, and the files below each session directory — read afresh, or with a
    /// memo stat'ed relative to the project directory and read only where a directory's stamp differs from the
    /// remembered one.
    /// </summary>
    private static List<TranscriptFile> ListProject(string projectDir, DateTime? writtenSince, ListingMemo? memo)
    {
        int projectFd = memo is null ? -1 : StatDirectory.OpenForStat(projectDir);
        try
        {
            var files = new List<TranscriptFile>();
            var projectName = Path.GetFileName(projectDir);
            Dictionary<string, DateTime>? sessionWritten = writtenSince is null ? null : new(StringComparer.Ordinal);
            var (sessionFiles, sessionDirs) = ProjectEntries(projectDir);
            foreach (var (path, size, mtime) in sessionFiles)
            {
                var session = Path.GetFileNameWithoutExtension(path);
                files.Add(new TranscriptFile(new TranscriptSource(path, projectName, session, false), size, mtime));
                sessionWritten?.TryAdd(session, mtime);
            }
            var known = projectFd >= 0 ? memo!.Project(projectDir) : null;
            var now = new Dictionary<string, ListedDirectory>(StringComparer.Ordinal);
            bool changed = false;
            var relative = projectFd >= 0 ? new byte[RelativePathBytes] : null;
            foreach (var sessionDir in sessionDirs)
            {
                var session = Path.GetFileName(sessionDir);
                var remembered = known?.GetValueOrDefault(session);
                if (sessionWritten is not null && sessionWritten.TryGetValue(session, out var written) && written < writtenSince)
                {
                    if (remembered is not null) now[session] = remembered; // not looked at: kept as it was
                    continue;
                }
                IEnumerable<(string Path, long Size, DateTime Mtime)> found;
                if (relative is null) found = Jsonl(sessionDir, recurse: true);
                else
                {
                    var walked = new List<(string, long, DateTime)>();
                    var node = Walk(projectFd, relative, Encoding.UTF8.GetBytes(session, relative), sessionDir, remembered, MaxDepth, memo!.TrustBeforeNs, walked, ref changed);
                    if (node is not null) now[session] = node;
                    if (!ReferenceEquals(node, remembered)) changed = true;
                    found = walked;
                }
                foreach (var (path, size, mtime) in found) files.Add(new TranscriptFile(new TranscriptSource(path, projectName, session, true), size, mtime));
            }
            if (projectFd >= 0)
            {
                if (known is not null && known.Count != now.Count) changed = true; // a session directory went away
                memo!.Update(projectDir, now, changed);
            }
            return files;
        }
        finally
        {
            if (projectFd >= 0) SafeFile.Close(projectFd);
        }
    }

    /// <summary>A path below a project directory: a session's name and <see cref="MaxDepth"/> names below it, 255 bytes each at most, and a NUL.</summary>
    private const int RelativePathBytes = (MaxDepth + 2) * 256;

    /// <summary>
    /// The <c>*.jsonl</c> non-directories of one directory below a project (named by <paramref name="relative"/>'s first
    /// <paramref name="length"/> bytes, relative to <paramref name="projectFd"/>) and, <paramref name="depth"/> levels down,
    /// of its subdirectories, as <see cref="JsonlRaw"/> finds them; returns what to remember of it (the same node when
    /// nothing changed, null when it is gone or was changed too recently to be trusted: <see cref="ListingMemo"/>).
    /// </summary>
    private static ListedDirectory? Walk(int projectFd, byte[] relative, int length, string fullPath, ListedDirectory? remembered, int depth,
        long trustBeforeNs, List<(string, long, DateTime)> found, ref bool changed)
    {
        relative[length] = 0;
        if (!StatDirectory.StampAt(projectFd, relative.AsSpan(0, length + 1), directory: true, out var stamp)) return null; // gone or no longer a directory
        if (remembered is null || remembered.Stamp != stamp)
        {
            changed = true;
            var fresh = StatDirectory.List(fullPath, IsJsonl);
            if (fresh is null) return null;
            var names = new List<string>();
            var dirs = new List<string>();
            foreach (var e in fresh)
            {
                if (e.Kind == RawDirectory.EntryKind.Directory) dirs.Add(e.Name);
                else if (IsJsonl(e.Name))
                {
                    names.Add(e.Name);
                    found.Add((Path.Join(fullPath, e.Name), e.Size, e.LastWriteUtc));
                }
            }
            var children = new ListedDirectory?[dirs.Count];
            for (int i = 0; i < dirs.Count && depth > 0; i++)
                children[i] = Walk(projectFd, relative, Append(relative, length, dirs[i]), Path.Join(fullPath, dirs[i]), null, depth - 1, trustBeforeNs, found, ref changed);
            // Remembered only when nothing can have been created in it in the tick it was read in.
            if (stamp.ModifiedNs >= trustBeforeNs || stamp.ChangedNs >= trustBeforeNs) return null;
            return new ListedDirectory { Stamp = stamp, Files = [.. names], Directories = [.. dirs], Children = children };
        }
        foreach (var name in remembered.Files)
        {
            int at = Append(relative, length, name);
            relative[at] = 0;
            if (StatDirectory.FileAt(projectFd, relative.AsSpan(0, at + 1), out var size, out var mtime)) found.Add((Path.Join(fullPath, name), size, mtime));
        }
        if (depth <= 0) return remembered;
        ListedDirectory?[]? updated = null;
        for (int i = 0; i < remembered.Directories.Length; i++)
        {
            var name = remembered.Directories[i];
            var child = Walk(projectFd, relative, Append(relative, length, name), Path.Join(fullPath, name), remembered.Children[i], depth - 1, trustBeforeNs, found, ref changed);
            if (!ReferenceEquals(child, remembered.Children[i])) (updated ??= [.. remembered.Children])[i] = child;
        }
        return updated is null ? remembered : new ListedDirectory { Stamp = stamp, Files = remembered.Files, Directories = remembered.Directories, Children = updated };
    }

    /// <summary>Appends "/" and <paramref name="name"/> (a directory entry's name: at most 255 bytes) to the relative path's first <paramref name="length"/> bytes; the new length.</summary>
    private static int Append(byte[] relative, int length, string name)
    {
        relative[length] = (byte)'/';
        return length + 1 + Encoding.UTF8.GetBytes(name, relative.AsSpan(length + 1));
    }

    /// <summary>
    /// A project directory's session transcripts and session directories (sorted), from one read of the directory
    /// where <see cref="StatDirectory"/> works (it was read twice: once for each).
    /// </summary>
    private static (IEnumerable<(string Path, long Size, DateTime Mtime)> Files, IEnumerable<string> Directories) ProjectEntries(string projectDir)
    {
        if (StatDirectory.IsSupported)
        {
            var entries = StatDirectory.List(projectDir, IsJsonl);
            if (StatDirectory.IsSupported)
            {
                if (entries is null) return ([], []);
                var found = new List<(string, long, DateTime)>(entries.Count);
                var dirs = new List<string>();
                foreach (var e in entries)
                {
                    if (e.Kind == RawDirectory.EntryKind.Directory) dirs.Add(Path.Join(projectDir, e.Name));
                    else if (IsJsonl(e.Name)) found.Add((Path.Join(projectDir, e.Name), e.Size, e.LastWriteUtc));
                }
                dirs.Sort(StringComparer.Ordinal);
                return (found, dirs);
            }
        }
        return (Jsonl(projectDir), Directories(projectDir));
    }

    /// <summary>A project filter matches the directory name, or its last path segment (e.g. "app" matches "-home-me-app").</summary>
    public static bool ProjectMatches(string projectDir, string filter) =>
        string.Equals(projectDir, filter, StringComparison.Ordinal)
        || projectDir.EndsWith("-" + filter.Replace('/', '-').TrimStart('-'), StringComparison.Ordinal);

    private static readonly EnumerationOptions Options = new()
    {
        RecurseSubdirectories = false, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false,
    };

    private static bool IsRealDirectory(ref FileSystemEntry e) => e.IsDirectory && (e.Attributes & FileAttributes.ReparsePoint) == 0;

    private static IEnumerable<string> Directories(string dir)
    {
        if (StatDirectory.IsSupported)
        {
            var entries = StatDirectory.List(dir, static _ => false);
            if (StatDirectory.IsSupported)
            {
                if (entries is null) return [];
                var names = new List<string>(entries.Count);
                foreach (var e in entries) if (e.Kind == RawDirectory.EntryKind.Directory) names.Add(Path.Join(dir, e.Name));
                names.Sort(StringComparer.Ordinal);
                return names;
            }
        }
        if (!Directory.Exists(dir)) return [];
        try
        {
            var list = new FileSystemEnumerable<string>(dir, (ref FileSystemEntry e) => e.ToFullPath(), Options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => IsRealDirectory(ref e),
            }.ToList();
            list.Sort(StringComparer.Ordinal);
            return list;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    /// <summary><c>*.jsonl</c> entries that are not directories (links to files included; their type is checked when opened).</summary>
    private static IEnumerable<(string Path, long Size, DateTime Mtime)> Jsonl(string dir, bool recurse = false)
    {
        if (StatDirectory.IsSupported)
        {
            var found = new List<(string, long, DateTime)>();
            if (JsonlRaw(dir, recurse ? MaxDepth : 0, found)) return found;
        }
        try
        {
            var options = recurse ? new EnumerationOptions
            {
                RecurseSubdirectories = true, MaxRecursionDepth = MaxDepth, IgnoreInaccessible = true, AttributesToSkip = 0, ReturnSpecialDirectories = false,
            } : Options;
            return new FileSystemEnumerable<(string, long, DateTime)>(dir, (ref FileSystemEntry e) => (e.ToFullPath(), e.Length, e.LastWriteTimeUtc.UtcDateTime), options)
            {
                ShouldIncludePredicate = (ref FileSystemEntry e) => !e.IsDirectory && e.FileName.EndsWith(".jsonl", StringComparison.Ordinal),
                ShouldRecursePredicate = (ref FileSystemEntry e) => IsRealDirectory(ref e),
            }.ToList();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return [];
        }
    }

    private static bool IsJsonl(string name) => name.EndsWith(".jsonl", StringComparison.Ordinal);

    /// <summary>The <c>*.jsonl</c> non-directories of <paramref name="dir"/> and, <paramref name="depth"/> levels down, of its real
    /// subdirectories, with <see cref="StatDirectory"/>; false when that lister does not work here.</summary>
    private static bool JsonlRaw(string dir, int depth, List<(string, long, DateTime)> found)
    {
        var entries = StatDirectory.List(dir, IsJsonl);
        if (!StatDirectory.IsSupported) return false;
        if (entries is null) return true; // unreadable or gone: nothing, as .NET's enumeration ignores it
        foreach (var e in entries)
        {
            if (e.Kind == RawDirectory.EntryKind.Directory)
            {
                if (depth > 0 && !JsonlRaw(Path.Join(dir, e.Name), depth - 1, found)) return false;
            }
            else if (IsJsonl(e.Name))
            {
                found.Add((Path.Join(dir, e.Name), e.Size, e.LastWriteUtc));
            }
        }
        return true;
    }
}
