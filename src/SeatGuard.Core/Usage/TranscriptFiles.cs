using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Finds transcripts: <c>&lt;root&gt;/projects/&lt;project&gt;/&lt;session&gt;.jsonl</c> and
/// <c>&lt;root&gt;/projects/&lt;project&gt;/&lt;session&gt;/subagents/*.jsonl</c> for every transcript root.
/// </summary>
public static class TranscriptFiles
{
    /// <summary>The transcripts under the host's Claude config directories, optionally of one project.</summary>
    public static IReadOnlyList<TranscriptFile> Find(HostContext host, string? configDirOverride = null, string? project = null) =>
        Find(ClaudePaths.TranscriptRoots(host, configDirOverride), project);

    /// <summary>The transcripts under these roots, optionally of one project.</summary>
    public static IReadOnlyList<TranscriptFile> Find(IEnumerable<string> roots, string? project = null)
    {
        var files = new List<TranscriptFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var root in roots)
        {
            var projects = new DirectoryInfo(Path.Combine(root, "projects"));
            if (!projects.Exists) continue;
            foreach (var projectDir in SafeDirs(projects))
            {
                if (project is not null && !ProjectMatches(projectDir.Name, project)) continue;
                foreach (var file in SafeFiles(projectDir))
                {
                    var source = new TranscriptSource(file.FullName, projectDir.Name, Path.GetFileNameWithoutExtension(file.Name), false);
                    if (seen.Add(file.FullName)) files.Add(new TranscriptFile(source, file.Length, file.LastWriteTimeUtc));
                }
                foreach (var sessionDir in SafeDirs(projectDir))
                {
                    var sub = new DirectoryInfo(Path.Combine(sessionDir.FullName, "subagents"));
                    if (!sub.Exists) continue;
                    foreach (var file in SafeFiles(sub))
                    {
                        var source = new TranscriptSource(file.FullName, projectDir.Name, sessionDir.Name, true);
                        if (seen.Add(file.FullName)) files.Add(new TranscriptFile(source, file.Length, file.LastWriteTimeUtc));
                    }
                }
            }
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Source.Path, b.Source.Path));
        return files;
    }

    /// <summary>A project filter matches the directory name, or its last path segment (e.g. "app" matches "-home-me-app").</summary>
    public static bool ProjectMatches(string projectDir, string filter) =>
        string.Equals(projectDir, filter, StringComparison.Ordinal)
        || projectDir.EndsWith("-" + filter.Replace('/', '-').TrimStart('-'), StringComparison.Ordinal);

    private static IEnumerable<DirectoryInfo> SafeDirs(DirectoryInfo dir)
    {
        try { return dir.GetDirectories(); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }

    private static IEnumerable<FileInfo> SafeFiles(DirectoryInfo dir)
    {
        try { return dir.GetFiles("*.jsonl"); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { return []; }
    }
}
