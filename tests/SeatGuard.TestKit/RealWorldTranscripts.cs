using System.Text.RegularExpressions;

namespace SeatGuard.TestKit;

/// <summary>
/// The collected real-world Claude Code transcripts (<c>shared/realworld-transcripts</c>, not in this repository; see
/// its SOURCES.md), and their layout as a Claude config dir — the same rules as its <c>layout.py</c>: files already
/// under <c>projects/&lt;p&gt;/</c> or <c>mock-data/&lt;p&gt;/</c> keep that project; the claude-code-log showcases keep their
/// session folders; any other file becomes <c>projects/rw-&lt;source&gt;/&lt;sessionId or stem&gt;.jsonl</c>.
/// </summary>
public static partial class RealWorldTranscripts
{
    /// <summary>The folder, or null where it does not exist: <c>$SEATGUARD_REALWORLD_TRANSCRIPTS</c>, else <c>shared/realworld-transcripts</c> beside an ancestor of the repository, else /work/shared.</summary>
    public static string? Folder { get; } = Find();

    private static string? Find()
    {
        var env = Environment.GetEnvironmentVariable("SEATGUARD_REALWORLD_TRANSCRIPTS");
        if (!string.IsNullOrEmpty(env)) return Directory.Exists(env) ? env : null;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "realworld-transcripts");
            if (Directory.Exists(candidate)) return candidate;
        }
        return Directory.Exists("/work/shared/realworld-transcripts") ? "/work/shared/realworld-transcripts" : null;
    }

    /// <summary>Why tests that need the corpus cannot run here (null when they can).</summary>
    public static string? MissingReason => Folder is null
        ? "the real-world transcripts (shared/realworld-transcripts, see its SOURCES.md) are not on this machine; set SEATGUARD_REALWORLD_TRANSCRIPTS to run this test"
        : null;

    /// <summary>Copies every transcript into <paramref name="configDir"/>; returns (source, path in source, laid-out path relative to the config dir).</summary>
    public static List<(string Source, string Path, string LaidOut)> LayOut(string configDir)
    {
        var raw = Folder ?? throw new InvalidOperationException(MissingReason);
        var mapping = new List<(string, string, string)>();
        foreach (var srcDir in Directory.GetDirectories(raw).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal))
        {
            var src = Path.GetFileName(srcDir);
            foreach (var p in Walk(srcDir))
            {
                var rel = Path.GetRelativePath(srcDir, p);
                var parts = rel.Split(Path.DirectorySeparatorChar);
                string project;
                string[] tail;
                int i;
                if ((i = Array.IndexOf(parts, "projects")) >= 0 || (i = Array.IndexOf(parts, "mock-data")) >= 0)
                {
                    project = parts[i + 1];
                    tail = parts[(i + 2)..];
                }
                else if ((i = Array.IndexOf(parts, "minimal_showcase")) >= 0 || (i = Array.IndexOf(parts, "workflow_scriptpath")) >= 0)
                {
                    project = "rw-" + src + "-" + parts[i];
                    tail = parts[(i + 1)..];
                }
                else
                {
                    project = "rw-" + src;
                    var stem = Path.GetFileNameWithoutExtension(p);
                    var sids = File.ReadLines(p).Select(l => SessionId().Match(l)).Where(m => m.Success).Select(m => m.Groups[1].Value).ToHashSet();
                    string name = Uuid().IsMatch(stem) || stem.StartsWith("agent-", StringComparison.Ordinal) ? stem
                        : sids.Count == 1 && SafeName().IsMatch(sids.First()) ? sids.First()
                        : (Path.GetDirectoryName(rel)!.Replace(Path.DirectorySeparatorChar, '_') + "_" + stem).Trim('_');
                    tail = [name + ".jsonl"];
                }
                var dst = Path.Combine([configDir, "projects", project, .. tail]);
                if (File.Exists(dst)) dst = dst[..^6] + "-dup.jsonl";
                Directory.CreateDirectory(Path.GetDirectoryName(dst)!);
                File.Copy(p, dst);
                mapping.Add((src, rel, Path.GetRelativePath(configDir, dst)));
            }
        }
        return mapping;
    }

    private static IEnumerable<string> Walk(string dir)
    {
        foreach (var f in Directory.GetFiles(dir).Where(f => f.EndsWith(".jsonl", StringComparison.Ordinal)).OrderBy(f => Path.GetFileName(f), StringComparer.Ordinal)) yield return f;
        foreach (var d in Directory.GetDirectories(dir).OrderBy(d => Path.GetFileName(d), StringComparer.Ordinal))
            foreach (var f in Walk(d)) yield return f;
    }

    [GeneratedRegex(@"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$")]
    private static partial Regex Uuid();

    [GeneratedRegex(@"""sessionId"": ?""([^""]+)""")]
    private static partial Regex SessionId();

    [GeneratedRegex(@"^[A-Za-z0-9_.-]+$")]
    private static partial Regex SafeName();
}
