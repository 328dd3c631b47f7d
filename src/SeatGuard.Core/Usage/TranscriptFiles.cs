using System.IO.Enumeration;
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
    public static IReadOnlyList<TranscriptFile> Find(IEnumerable<string> roots, string? project = null, DateTime? writtenSince = null)
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
            var list = ListProject(projectDirs[i], writtenSince);
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

    private static List<TranscriptFile> ListProject(string projectDir, DateTime? writtenSince)
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
        foreach (var sessionDir in sessionDirs)
        {
            var session = Path.GetFileName(sessionDir);
            if (sessionWritten is not null && sessionWritten.TryGetValue(session, out var written) && written < writtenSince) continue;
            foreach (var (path, size, mtime) in Jsonl(sessionDir, recurse: true))
                files.Add(new TranscriptFile(new TranscriptSource(path, projectName, session, true), size, mtime));
        }
        return files;
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
