using System.Text;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The small adapter to <c>git</c> the scanner needs: who contributed to a repository, and the added lines of
/// every commit (<c>git log -p</c>, streamed). Runs git through the core's <see cref="ICommandRunner"/> with an
/// environment of its own (nothing inherited but PATH) and without the user's or the system's configuration.
/// </summary>
internal sealed class GitCli(ICommandRunner runner, string? pathVariable)
{
    private static readonly string[] BotNames = ["github-actions", "dependabot", "renovate", "github", "web-flow", "copilot"];

    /// <summary>The directory holding <c>.git</c> at or above <paramref name="path"/>, or null.</summary>
    public static string? FindRoot(string path)
    {
        for (var d = new DirectoryInfo(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!); d is not null; d = d.Parent)
        {
            if (Path.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        }
        return null;
    }

    /// <summary>Distinct human authors across all refs (bots excluded), or -1 when git cannot tell.</summary>
    public int HumanContributors(string repoRoot)
    {
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        int exit = Run(repoRoot, ["log", "--all", "--format=%aN%x09%aE"], line =>
        {
            var tab = line.IndexOf('\t');
            if (tab < 0) return;
            string name = line[..tab], email = line[(tab + 1)..];
            if (IsBot(name, email)) return;
            people.Add(email.Length > 0 ? email : name);
        });
        return exit == 0 ? people.Count : -1;
    }

    internal static bool IsBot(string name, string email) =>
        name.Contains("[bot]", StringComparison.OrdinalIgnoreCase) || email.Contains("[bot]", StringComparison.OrdinalIgnoreCase) ||
        BotNames.Any(b => name.Equals(b, StringComparison.OrdinalIgnoreCase));

    /// <summary>The paths (relative to the repository root, '/'-separated) git tracks in the index, or null when git cannot tell.</summary>
    public HashSet<string>? TrackedFiles(string repoRoot)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        int exit = Run(repoRoot, ["-c", "core.quotePath=false", "ls-files", "--cached"], line =>
        {
            if (line.Length > 0) files.Add(line);
        });
        return exit == 0 ? files : null;
    }

    /// <summary>The files added, copied, modified or renamed in the index (what the next commit would contain), relative to the repository root.</summary>
    public IReadOnlyList<string> StagedFiles(string repoRoot)
    {
        var files = new List<string>();
        int exit = Run(repoRoot, ["-c", "core.quotePath=false", "diff", "--cached", "--name-only", "--no-renames", "--diff-filter=ACMR", "--no-ext-diff", "--no-textconv"], line =>
        {
            if (line.Length > 0) files.Add(line);
        });
        if (exit != 0) throw new ScanInputException($"git diff --cached failed in {repoRoot} (exit {exit})");
        return files;
    }

    /// <summary>The staged content of one file (<c>git show :PATH</c>), or null when git cannot read it.</summary>
    public string? StagedText(string repoRoot, string path)
    {
        var text = new StringBuilder();
        int exit = Run(repoRoot, ["-c", "core.quotePath=false", "show", "--no-textconv", ":" + path], line => text.Append(line).Append('\n'));
        return exit == 0 ? text.ToString() : null;
    }

    /// <summary>One file's added lines in one commit.</summary>
    public sealed record AddedLines(string Commit, string Path, string Text, int[] LineNumbers);

    /// <summary>Streams <c>git log -p</c> over all refs and yields the added lines per commit and file.</summary>
    public int AddedLinesOfHistory(string dir, Action<AddedLines> onUnit, out int commits)
    {
        string? commit = null, path = null;
        var text = new StringBuilder();
        var lines = new List<int>();
        int next = 0, count = 0;
        bool inHunk = false;

        void Flush()
        {
            if (commit is not null && path is not null && lines.Count > 0) onUnit(new AddedLines(commit, path, text.ToString(), lines.ToArray()));
            text.Clear();
            lines.Clear();
        }

        int exit = Run(dir, ["-c", "core.quotePath=false", "log", "-p", "-U0", "--no-color", "--no-renames", "--no-ext-diff", "--no-textconv",
                             "--src-prefix=a/", "--dst-prefix=b/", "--format=%x01%H", "--all", "--", "."], line =>
        {
            if (line.Length > 0 && line[0] == '\u0001')
            {
                Flush();
                commit = line[1..];
                path = null;
                inHunk = false;
                count++;
            }
            else if (line.StartsWith("diff --git ", StringComparison.Ordinal))
            {
                Flush();
                path = null;
                inHunk = false;
            }
            else if (!inHunk && line.StartsWith("+++ ", StringComparison.Ordinal))
            {
                var p = Unquote(line[4..]);
                path = p.StartsWith("b/", StringComparison.Ordinal) ? p[2..] : null;
            }
            else if (line.StartsWith("@@ ", StringComparison.Ordinal))
            {
                inHunk = true;
                int plus = line.IndexOf(" +", StringComparison.Ordinal);
                int end = plus < 0 ? -1 : line.IndexOfAny([',', ' '], plus + 2);
                next = plus >= 0 && end > plus && int.TryParse(line.AsSpan(plus + 2, end - plus - 2), out var n) ? n : 1;
            }
            else if (inHunk && line.Length > 0 && line[0] == '+')
            {
                text.Append(line, 1, line.Length - 1).Append('\n');
                lines.Add(next++);
            }
        });
        Flush();
        commits = count;
        return exit;
    }

    private static string Unquote(string s)
    {
        if (s.Length < 2 || s[0] != '"' || s[^1] != '"') return s;
        var sb = new StringBuilder();
        for (int i = 1; i < s.Length - 1; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length - 1)
            {
                char c = s[++i];
                sb.Append(c switch { 't' => '\t', 'n' => '\n', _ => c });
            }
            else sb.Append(s[i]);
        }
        return sb.ToString();
    }

    private int Run(string dir, IEnumerable<string> args, Action<string> onLine)
    {
        var arguments = new List<string> { "-c", "safe.directory=*" };
        arguments.AddRange(args);
        // Parse git's own defaults, never the user's or the system's configuration (pagers, colours,
        // diff prefixes, signatures): the output format is then the one this adapter reads.
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_PAGER"] = "cat",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["LC_ALL"] = "C",
        };
        if (pathVariable is not null) env["PATH"] = pathVariable;
        try
        {
            var result = runner.RunLinesAsync(new CommandSpec("git", arguments, env, dir, TimeSpan.FromMinutes(30)), onLine).GetAwaiter().GetResult();
            return result.ExitCode;
        }
        catch (ExecutableNotFoundException)
        {
            throw new ScanInputException("git is not installed (needed for --history and contributor counts)");
        }
    }
}
