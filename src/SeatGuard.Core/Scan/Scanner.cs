using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Common.Processes;

namespace SeatGuard.Core.Scan;

/// <summary>
/// <c>seatguard scan</c>'s engine: walks the paths (and with <see cref="ScanOptions.History"/> the git
/// history), prefilters by keyword, runs the detectors of the rules that apply to each file, then drops
/// lines marked <c>seatguard:allow</c> and findings in the baseline. Secrets leave it only redacted.
/// </summary>
public sealed class Scanner
{
    /// <summary>A line containing this is skipped.</summary>
    public const string AllowMarker = "seatguard:allow";

    private readonly IReadOnlyList<ScanRule> _rules;
    private readonly KeywordPrefilter _prefilter;
    private readonly ConcurrentDictionary<string, int> _contributors = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, HashSet<string>?> _tracked = new(StringComparer.Ordinal);

    private readonly GitCli _git;

    /// <param name="commands">Runs git (contributor counts, <c>--history</c>).</param>
    /// <param name="pathVariable">The PATH git is looked up on.</param>
    /// <param name="book">The rules to apply.</param>
    public Scanner(RuleBook book, ICommandRunner commands, string? pathVariable)
    {
        _git = new GitCli(commands, pathVariable);
        _rules = book.Rules;
        _prefilter = new KeywordPrefilter(_rules.SelectMany(r => r.Prefilter));
    }

    /// <summary>The rules in use.</summary>
    public IReadOnlyList<ScanRule> Rules => _rules;

    /// <summary>The keyword prefilter built from the rules.</summary>
    public KeywordPrefilter Prefilter => _prefilter;

    /// <summary>Scans the options' paths (and with <see cref="ScanOptions.History"/> the git history): findings sorted by path and line, baselined and allowed ones counted.</summary>
    public ScanReport Scan(ScanOptions options, CancellationToken cancel = default)
    {
        var clock = Stopwatch.StartNew();
        var baseline = options.BaselinePath is null ? null : Baseline.Load(options.BaselinePath);
        if (options.Paths.Count == 0) throw new ScanInputException("nothing to scan: give at least one path");
        var roots = options.Paths.Select(p => options.RelativeTo is null ? Path.GetFullPath(p) : Path.GetFullPath(p, options.RelativeTo)).ToList();
        foreach (var root in roots)
        {
            if (!Path.Exists(root)) throw new ScanInputException($"path not found: {root}");
        }
        string relativeTo = options.RelativeTo is not null ? Path.GetFullPath(options.RelativeTo)
            : Directory.Exists(roots[0]) ? roots[0] : Path.GetDirectoryName(roots[0])!;
        var sink = new Sink();

        int commits = 0;
        if (options.Staged)
        {
            ScanStaged(roots, relativeTo, options.MaxFileBytes, sink);
        }
        else
        {
            foreach (var root in roots)
            {
                var packages = new PackageEvidence(Directory.Exists(root) ? root : Path.GetDirectoryName(root)!);
                TreeWalker.Walk(root, full => ScanFile(full, relativeTo, options.MaxFileBytes, packages, sink), Math.Max(1, options.Threads), cancel);
            }
        }
        if (options.History)
        {
            foreach (var root in roots)
            {
                commits += ScanHistory(root, relativeTo, sink);
            }
        }

        var findings = sink.Findings.DistinctBy(f => (f.Fingerprint, f.Line, f.Column, f.Commit)).ToList();
        findings.Sort(Order);
        var report = new ScanReport(findings, new ScanStats(sink.Files, sink.Bytes, Math.Round(clock.Elapsed.TotalSeconds, 3), commits, 0, sink.Allowed));
        return baseline is null ? report : ApplyBaseline(report, baseline);
    }

    /// <summary>The report without the findings the baseline knows; their number goes to <see cref="ScanStats.Baselined"/>.</summary>
    public static ScanReport ApplyBaseline(ScanReport report, Baseline baseline)
    {
        var kept = report.Findings.Where(f => !baseline.Contains(f)).ToList();
        return report with { Findings = kept, Stats = report.Stats with { Baselined = report.Stats.Baselined + report.Findings.Count - kept.Count } };
    }

    private static int Order(ScanFinding a, ScanFinding b)
    {
        int c = b.Tier.CompareTo(a.Tier);
        if (c == 0) c = (b.Commit is null).CompareTo(a.Commit is null);
        if (c == 0) c = string.CompareOrdinal(a.Path, b.Path);
        if (c == 0) c = a.Line.CompareTo(b.Line);
        if (c == 0) c = a.Column.CompareTo(b.Column);
        return c == 0 ? string.CompareOrdinal(a.Rule, b.Rule) : c;
    }

    /// <summary>True when a high-confidence finding at or above <paramref name="failOn"/> remains (low-confidence ones never fail a scan).</summary>
    public static bool Fails(ScanReport report, Tier failOn) => report.Findings.Any(f => f.Tier >= failOn && f.IsHighConfidence);

    private sealed class Sink
    {
        public readonly ConcurrentBag<ScanFinding> Findings = [];
        public long Files, Bytes;
        public int Allowed;
    }

    private static string Display(string full, string relativeTo)
    {
        var rel = Path.GetRelativePath(relativeTo, full);
        var shown = rel.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(rel) ? full : rel;
        return Path.DirectorySeparatorChar == '/' ? shown : shown.Replace(Path.DirectorySeparatorChar, '/');
    }

    // Per-thread read buffer: grown as needed, never returned, no pool traffic per file.
    [ThreadStatic] private static byte[]? t_bytes;

    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveOptimization)]
    private void ScanFile(string fullPath, string relativeTo, long maxBytes, PackageEvidence packages, Sink sink)
    {
        try
        {
            string text;
            // Never blocks: a FIFO opens at once and reads as empty, a device reads as binary; both are skipped.
            using (var handle = SafeFile.OpenNonBlocking(fullPath))
            {
                if (handle is null) return;
                // No fstat for the length: read into the thread's buffer; a short read is the end of a
                // regular file, a full buffer grows it (up to maxBytes + 1, which marks "too large").
                var bytes = t_bytes ??= new byte[256 * 1024];
                int read = 0;
                while (true)
                {
                    if (read == bytes.Length)
                    {
                        if (read > maxBytes) return;
                        var larger = new byte[(int)Math.Min((long)bytes.Length * 4, maxBytes + 1)];
                        bytes.AsSpan(0, read).CopyTo(larger);
                        t_bytes = bytes = larger;
                    }
                    int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                    if (n <= 0) break;
                    read += n;
                    if (read < bytes.Length) break;
                }
                if (read == 0 || read > maxBytes) return;
                var data = bytes.AsSpan(0, read);
                if (data[..Math.Min(read, 8192)].Contains((byte)0)) return; // binary
                Interlocked.Increment(ref sink.Files);
                Interlocked.Add(ref sink.Bytes, read);
                if (!_prefilter.MayMatch(data)) return;
                text = Encoding.UTF8.GetString(data);
            }
            var unit = new ScanUnit(Display(fullPath, relativeTo), text, () => ContributorsOf(fullPath), packageHas: r => packages.Has(fullPath, r));
            Report(unit, Detect(unit), null, null, sink);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Vanished or unreadable files are skipped.
        }
    }

    private int ScanHistory(string root, string relativeTo, Sink sink)
    {
        var dir = Directory.Exists(root) ? root : Path.GetDirectoryName(root)!;
        var repo = GitCli.FindRoot(dir) ?? throw new ScanInputException($"--history needs a git repository: {root} is not inside one");
        int exit = _git.AddedLinesOfHistory(dir, added =>
        {
            if (!_prefilter.MayMatch(added.Text)) return;
            var path = Display(Path.Combine(repo, added.Path), relativeTo);
            var unit = new ScanUnit(path, added.Text, () => RepositoryContributors(repo), wholeFile: false);
            Report(unit, Detect(unit), added.Commit, added.LineNumbers, sink);
        }, out int commits);
        if (exit != 0 && commits == 0 && exit != 128) throw new ScanInputException($"git log failed in {dir} (exit {exit})");
        return commits;
    }

    /// <summary>
    /// <c>--staged</c>: the index version of every file the next commit adds, copies, modifies or renames,
    /// under the given paths — not the working tree, not unstaged changes (what a pre-commit hook needs).
    /// </summary>
    private void ScanStaged(IReadOnlyList<string> roots, string relativeTo, long maxBytes, Sink sink)
    {
        var first = Directory.Exists(roots[0]) ? roots[0] : Path.GetDirectoryName(roots[0])!;
        var repo = GitCli.FindRoot(first) ?? throw new ScanInputException($"--staged needs a git repository: {roots[0]} is not inside one");
        var packages = new PackageEvidence(repo);
        foreach (var rel in _git.StagedFiles(repo))
        {
            var full = Path.GetFullPath(Path.Combine(repo, rel));
            if (!roots.Any(r => full == r || full.StartsWith(r.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))) continue;
            var text = _git.StagedText(repo, rel);
            if (text is null || text.Length == 0 || text.Length > maxBytes || text.AsSpan(0, Math.Min(text.Length, 8192)).Contains('\0')) continue;
            Interlocked.Increment(ref sink.Files);
            Interlocked.Add(ref sink.Bytes, Encoding.UTF8.GetByteCount(text));
            if (!_prefilter.MayMatch(text)) continue;
            // The staged file belongs to the repository: it is in the index.
            var unit = new ScanUnit(Display(full, relativeTo), text, () => RepositoryContributors(repo), packageHas: r => packages.Has(full, r));
            Report(unit, Detect(unit), null, null, sink);
        }
    }

    /// <summary>Runs every applicable rule's detector over one unit.</summary>
    internal List<Hit> Detect(ScanUnit unit)
    {
        var hits = new List<Hit>();
        var present = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // keywords are shared by rules: search each once
        List<ScanRule>? workflowRules = null;
        bool Present(string k) => present.TryGetValue(k, out var p) ? p : present[k] = unit.Text.Contains(k, StringComparison.OrdinalIgnoreCase);
        foreach (var rule in _rules)
        {
            if (!rule.AppliesTo(unit.Path)) continue;
            if (!rule.Keywords.Any(Present) || (!ReferenceEquals(rule.Prefilter, rule.Keywords) && !rule.Prefilter.Any(Present))) continue;
            switch (rule.Detector)
            {
                case "token": TokenDetector.Detect(unit, rule, hits); break;
                case "pattern": PatternDetector.Detect(unit, rule, hits); break;
                case "settings": SettingsDetector.Detect(unit, rule, hits); break;
                case "compose": ComposeDetector.Detect(unit, rule, hits); break;
                case "workflow": (workflowRules ??= []).Add(rule); break;
            }
        }
        if (workflowRules is not null) WorkflowDetector.Detect(unit, workflowRules, hits);
        return hits;
    }

    private static void Report(ScanUnit unit, List<Hit> hits, string? commit, int[]? lineMap, Sink sink)
    {
        if (hits.Count == 0) return;
        var text = unit.Text;
        var lineStarts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) lineStarts.Add(i + 1);
        var seen = new HashSet<(string, int, string?)>();
        foreach (var hit in hits)
        {
            int lineIndex = lineStarts.BinarySearch(hit.Offset);
            if (lineIndex < 0) lineIndex = ~lineIndex - 1;
            if (!seen.Add((hit.Rule.Id, lineIndex, hit.Secret))) continue; // one finding per rule, line and secret
            int start = lineStarts[lineIndex];
            int end = lineIndex + 1 < lineStarts.Count ? lineStarts[lineIndex + 1] - 1 : text.Length;
            var lineText = text.AsSpan(start, Math.Max(0, end - start));
            if (lineText.Contains(AllowMarker, StringComparison.OrdinalIgnoreCase))
            {
                Interlocked.Increment(ref sink.Allowed);
                continue;
            }
            int line = lineMap is null ? lineIndex + 1 : lineMap[Math.Min(lineIndex, lineMap.Length - 1)];
            var rule = hit.Rule;
            string evidence = hit.Secret ?? lineText.Trim().ToString();
            string context = FindingContext.Of(unit.Path, lineText, hit.Offset - start);
            sink.Findings.Add(new ScanFinding(
                Rule: rule.Id,
                Tier: rule.Tier,
                Path: unit.Path,
                Line: line,
                Column: hit.Offset - start + 1,
                Message: rule.Message,
                Fix: rule.Fix,
                Fingerprint: FingerprintOf(rule.Id, unit.Path, evidence),
                Secret: hit.Secret is null ? null : Redactor.Redact(hit.Secret),
                Title: rule.Title,
                Scenario: rule.Scenario,
                Commit: commit,
                Confidence: FindingContext.ConfidenceOf(context, rule.AnyContext),
                Context: context));
        }
    }

    /// <summary>Stable across line moves: rule, path and the secret (or the trimmed line), hashed; never reversible to the secret.</summary>
    internal static string FingerprintOf(string rule, string path, string evidence)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(rule + "\0" + path + "\0" + evidence));
        return Convert.ToHexStringLower(hash.AsSpan(0, 10));
    }

    /// <summary>
    /// Contributors of the repository the file belongs to: the nearest repository above it that tracks it.
    /// A file git does not track there (a downloaded copy of another project, an ignored directory) has
    /// no known contributors (-1), so another repository's authors never decide its tier.
    /// </summary>
    private int ContributorsOf(string fullPath)
    {
        var root = GitCli.FindRoot(fullPath);
        if (root is null) return -1;
        var tracked = _tracked.GetOrAdd(root, r =>
        {
            try
            {
                return _git.TrackedFiles(r);
            }
            catch (ScanInputException)
            {
                return null;
            }
        });
        var rel = Path.GetRelativePath(root, Path.GetFullPath(fullPath));
        if (Path.DirectorySeparatorChar != '/') rel = rel.Replace(Path.DirectorySeparatorChar, '/');
        if (tracked is null || !tracked.Contains(rel)) return -1;
        return RepositoryContributors(root);
    }

    private int RepositoryContributors(string root) =>
        _contributors.GetOrAdd(root, r =>
        {
            try
            {
                return _git.HumanContributors(r);
            }
            catch (ScanInputException)
            {
                return -1;
            }
        });
}
