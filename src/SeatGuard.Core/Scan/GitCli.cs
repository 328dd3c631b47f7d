using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The small adapter to <c>git</c> the scanner needs: who contributed to a repository, the added lines of every
/// commit (<c>git log -p</c>, streamed), and the files git tracks although <c>.gitignore</c> hides them. Runs git
/// through the core's <see cref="ICommandRunner"/> so that nothing the inspected repository chooses is ever run:
/// an environment of its own (PATH only), no system or global configuration, every configurable program
/// neutralised on the command line (which outranks the repository's <c>.git/config</c>), no network, and git's own
/// ownership rule (<c>safe.directory</c>, from the user's global and system configuration only) left in force.
/// </summary>
internal sealed class GitCli(ICommandRunner runner, string? pathVariable, HostContext? host = null)
{
    private static readonly string[] BotNames = ["github-actions", "dependabot", "renovate", "github", "web-flow", "copilot"];

    /// <summary>
    /// Configuration that outranks the repository's own: every program git could be told to run (pagers, signature
    /// verifiers, external diff, hooks, fsmonitor, editors, ssh, credential helpers, remote transports for a lazy
    /// fetch), every file it could be told to read instead of its own (attributes, excludes, mailmap), and colour.
    /// Filter and textconv drivers are never reached: the commands used do not filter, and diffs run with
    /// <c>--no-ext-diff --no-textconv</c>.
    /// </summary>
    internal static readonly string[] Neutralised =
    [
        "core.fsmonitor=false", "core.hooksPath=/dev/null", "core.pager=cat", "pager.log=false", "pager.ls-files=false",
        "core.editor=false", "sequence.editor=false", "core.askPass=false", "core.sshCommand=false", "core.gitProxy=false",
        "core.alternateRefsCommand=", "core.attributesFile=/dev/null", "core.excludesFile=/dev/null", "core.untrackedCache=false",
        "core.quotePath=true", "core.precomposeUnicode=false",
        "credential.helper=", "diff.external=", "log.showSignature=false", "log.mailmap=false", "mailmap.file=/dev/null", "mailmap.blob=",
        "gpg.program=false", "gpg.openpgp.program=false", "gpg.x509.program=false", "gpg.ssh.program=false",
        "gpg.ssh.defaultKeyCommand=false", "gpg.ssh.allowedSignersFile=/dev/null",
        "protocol.allow=never", "submodule.recurse=false", "fetch.recurseSubmodules=false", "gc.auto=0", "maintenance.auto=false",
        "safe.bareRepository=explicit", "color.ui=false", "diff.noprefix=false", "diff.mnemonicPrefix=false", "diff.relative=false",
        "log.follow=false", "log.abbrevCommit=false", "log.decorate=false",
    ];

    /// <summary>How long git may stay silent before it is stopped (a FIFO or a device where a file was expected).</summary>
    internal static readonly TimeSpan Idle = TimeSpan.FromSeconds(60);

    private readonly Lazy<IReadOnlyList<string>> _trustedDirectories = new(() => TrustedDirectories(runner, pathVariable, host));

    /// <summary>The directory holding <c>.git</c> at or above <paramref name="path"/>, or null.</summary>
    public static string? FindRoot(string path)
    {
        for (var d = new DirectoryInfo(Directory.Exists(path) ? path : Path.GetDirectoryName(Path.GetFullPath(path))!); d is not null; d = d.Parent)
        {
            if (Path.Exists(Path.Combine(d.FullName, ".git"))) return d.FullName;
        }
        return null;
    }

    /// <summary>Distinct human authors across all refs (bots excluded), or -1 when git cannot tell (<paramref name="refusal"/> says why, when a user should hear it).</summary>
    public int HumanContributors(string repoRoot, out string? refusal)
    {
        var people = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var result = Run(repoRoot, ["log", "--all", "--no-show-signature", "--no-color", "--format=%an%x09%ae"], line =>
        {
            var tab = line.IndexOf('\t');
            if (tab < 0) return;
            string name = line[..tab], email = line[(tab + 1)..];
            if (IsBot(name, email)) return;
            people.Add(email.Length > 0 ? email : name);
        });
        refusal = Explain(repoRoot, result);
        return result.ExitCode == 0 ? people.Count : -1;
    }

    internal static bool IsBot(string name, string email) =>
        name.Contains("[bot]", StringComparison.OrdinalIgnoreCase) || email.Contains("[bot]", StringComparison.OrdinalIgnoreCase) ||
        BotNames.Any(b => name.Equals(b, StringComparison.OrdinalIgnoreCase));

    /// <summary>The paths (relative to the repository root, '/'-separated) git tracks in the index, or null when git cannot tell.</summary>
    public HashSet<string>? TrackedFiles(string repoRoot)
    {
        var files = new HashSet<string>(StringComparer.Ordinal);
        var result = Run(repoRoot, ["ls-files", "--cached"], line =>
        {
            if (line.Length > 0) files.Add(GitPath.Display(GitPath.Unquote(line)));
        });
        return result.ExitCode == 0 && !result.TimedOut ? files : null;
    }

    /// <summary>The files added, copied, modified or renamed in the index (what the next commit would contain), relative to the repository root.</summary>
    public IReadOnlyList<string> StagedFiles(string repoRoot)
    {
        var files = new List<string>();
        var result = Run(repoRoot, ["diff", "--cached", "--name-only", "--no-renames", "--diff-filter=ACMR", "--no-ext-diff", "--no-textconv"], line =>
        {
            if (line.Length > 0) files.Add(GitPath.Display(GitPath.Unquote(line)));
        });
        if (Explain(repoRoot, result) is { } refusal) throw new ScanInputException(refusal);
        if (result.ExitCode != 0) throw new ScanInputException($"git diff --cached failed in {repoRoot} (exit {result.ExitCode})");
        return files;
    }

    /// <summary>The staged content of one file (<c>git show :PATH</c>), or null when git cannot read it.</summary>
    public string? StagedText(string repoRoot, string path)
    {
        var text = new StringBuilder();
        var result = Run(repoRoot, ["show", "--no-textconv", "--no-ext-diff", ":" + path], line => text.Append(line).Append('\n'));
        return result.ExitCode == 0 && !result.TimedOut ? text.ToString() : null;
    }

    /// <summary>One file's added lines in one commit.</summary>
    public sealed record AddedLines(string Commit, string Path, string Text, int[] LineNumbers);

    /// <summary>Streams <c>git log -p</c> over all refs and yields the added lines per commit and file.</summary>
    public int AddedLinesOfHistory(string dir, Action<AddedLines> onUnit, out int commits, out string? refusal)
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

        var result = Run(dir, ["log", "-p", "-U0", "--no-color", "--no-renames", "--no-ext-diff", "--no-textconv", "--no-show-signature",
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
                var p = GitPath.Display(GitPath.Unquote(line[4..]));
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
        refusal = Explain(dir, result);
        return result.ExitCode;
    }

    /// <summary>
    /// Files git tracks under <paramref name="dir"/> that its ignore rules match (force-added files), as raw path bytes
    /// relative to <paramref name="dir"/>; empty when git cannot tell (<paramref name="refusal"/> says why).
    /// </summary>
    public IReadOnlyList<byte[]> TrackedButIgnored(string dir, out string? refusal)
    {
        var paths = new List<byte[]>();
        var result = Run(dir, ["ls-files", "--cached", "--ignored", "--exclude-standard", "--", "."], line =>
        {
            if (line.Length > 0) paths.Add(GitPath.Unquote(line));
        });
        refusal = Explain(dir, result);
        return result.ExitCode == 0 ? paths : [];
    }

    private CommandResult Run(string dir, IEnumerable<string> args, Action<string> onLine)
    {
        var arguments = new List<string>();
        foreach (var setting in Neutralised) arguments.AddRange(["-c", setting]);
        // git's ownership rule stays in force; the directories the user trusts (global and system configuration) are passed on.
        foreach (var trusted in _trustedDirectories.Value) arguments.AddRange(["-c", "safe.directory=" + trusted]);
        arguments.AddRange(args);
        try
        {
            return runner.RunLinesAsync(new CommandSpec("git", arguments, Environment(), dir, TimeSpan.FromMinutes(30)) { IdleTimeout = Idle }, onLine)
                .GetAwaiter().GetResult();
        }
        catch (ExecutableNotFoundException)
        {
            throw new ScanInputException("git is not installed (needed for --history and contributor counts)");
        }
    }

    /// <summary>The environment git runs with: PATH, and everything that keeps it from reading the user's or the system's configuration or reaching a network.</summary>
    private Dictionary<string, string> Environment()
    {
        var env = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["GIT_CONFIG_GLOBAL"] = OperatingSystem.IsWindows() ? "NUL" : "/dev/null",
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_ATTR_NOSYSTEM"] = "1",
            ["GIT_PAGER"] = "cat",
            ["PAGER"] = "cat",
            ["GIT_EDITOR"] = "false",
            ["GIT_ASKPASS"] = "false",
            ["SSH_ASKPASS"] = "false",
            ["GIT_SSH_COMMAND"] = "false",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_ALLOW_PROTOCOL"] = "none",
            ["GIT_PROTOCOL_FROM_USER"] = "0",
            ["GIT_OPTIONAL_LOCKS"] = "0",
            ["GIT_NO_LAZY_FETCH"] = "1",
            ["LC_ALL"] = "C",
        };
        if (pathVariable is not null) env["PATH"] = pathVariable;
        // Run as root through sudo, git judges ownership against the invoking user, as it would in the user's shell.
        if (host?.Get("SUDO_UID") is { Length: > 0 } sudoUid) env["SUDO_UID"] = sudoUid;
        return env;
    }

    /// <summary>Why git failed, in words, when the reason is one a user should hear (ownership, not a repository, a timeout).</summary>
    private static string? Explain(string dir, CommandResult result)
    {
        if (result.ExitCode == 0 && !result.TimedOut) return null;
        if (result.TimedOut) return $"git stopped answering in {dir} (a file it reads may be a FIFO or a device); not read";
        var err = result.StdErr;
        if (err.Contains("dubious ownership", StringComparison.Ordinal))
        {
            var at = err.IndexOf('\'') is var q && q >= 0 && err.IndexOf('\'', q + 1) is var q2 && q2 > q ? err[(q + 1)..q2] : dir;
            return $"git refused to read the repository at {at}: it is owned by another user (git's safe.directory rule, which SeatGuard follows). " +
                   $"If you trust it: git config --global --add safe.directory {at}";
        }
        if (err.Contains("cannot use bare repository", StringComparison.Ordinal))
            return $"git refused to read an embedded bare repository above {dir} (safe.bareRepository=explicit)";
        return null;
    }

    /// <summary>The <c>safe.directory</c> entries of the user's global and system configuration (the only places git honours them).</summary>
    private static IReadOnlyList<string> TrustedDirectories(ICommandRunner runner, string? pathVariable, HostContext? host)
    {
        if (host is null) return [];
        var trusted = new List<string>();
        foreach (var scope in new[] { "--global", "--system" })
        {
            var env = new Dictionary<string, string>(StringComparer.Ordinal) { ["HOME"] = host.Home, ["LC_ALL"] = "C", ["GIT_CONFIG_NOSYSTEM"] = "0" };
            if (pathVariable is not null) env["PATH"] = pathVariable;
            foreach (var name in new[] { "XDG_CONFIG_HOME", "GIT_CONFIG_GLOBAL", "GIT_CONFIG_SYSTEM" })
                if (host.Get(name) is { Length: > 0 } value) env[name] = value;
            try
            {
                // git config reads files only; it runs nothing. Run outside any repository.
                var result = runner.RunAsync(new CommandSpec("git", ["config", scope, "--includes", "--get-all", "safe.directory"], env, Path.GetTempPath(), TimeSpan.FromSeconds(10)))
                    .GetAwaiter().GetResult();
                if (result.ExitCode == 0) trusted.AddRange(result.StdOut.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
            }
            catch (ExecutableNotFoundException)
            {
                return [];
            }
        }
        return trusted;
    }
}
