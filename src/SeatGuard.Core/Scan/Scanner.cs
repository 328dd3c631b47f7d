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
/// Nothing is lost silently: files git tracks are scanned even when <c>.gitignore</c> hides them, tokens written
/// as UTF-16, base64 or JSON escapes are decoded (<see cref="EncodedText"/>), names that are not UTF-8 and paths
/// beyond PATH_MAX are read by their bytes, and every file not read is counted (and listed on request) with its reason.
/// </summary>
public sealed class Scanner
{
    /// <summary>A line containing this is skipped.</summary>
    public const string AllowMarker = "seatguard:allow";

    private readonly IReadOnlyList<ScanRule> _rules;
    private readonly KeywordPrefilter _prefilter;
    private readonly ConcurrentDictionary<string, int> _contributors = new(StringComparer.Ordinal);
    private readonly ConcurrentBag<string> _contributorNotes = [];
    private readonly ConcurrentDictionary<string, HashSet<string>?> _tracked = new(StringComparer.Ordinal);

    private readonly GitCli _git;
    private readonly string[] _tokenPrefixes;
    private readonly string[] _base64Needles;

    /// <param name="commands">Runs git (contributor counts, <c>--history</c>, files git tracks that .gitignore hides).</param>
    /// <param name="pathVariable">The PATH git is looked up on.</param>
    /// <param name="book">The rules to apply.</param>
    /// <param name="host">The user's host, for git's ownership rule (the <c>safe.directory</c> entries of the user's own configuration).</param>
    public Scanner(RuleBook book, ICommandRunner commands, string? pathVariable, HostContext? host = null)
    {
        _git = new GitCli(commands, pathVariable, host);
        _rules = book.Rules;
        _tokenPrefixes = _rules.Where(r => r.TokenPrefix is { Length: >= 5 }).Select(r => r.TokenPrefix!).Distinct(StringComparer.Ordinal).ToArray();
        _base64Needles = _tokenPrefixes.SelectMany(EncodedText.Base64Needles).Distinct(StringComparer.Ordinal).ToArray();
        // The keyword pass also lets through the signs of an encoded token: its prefixes in base64, and JSON escapes.
        var encodedHints = _base64Needles.Length == 0 ? [] : _base64Needles.Append(EncodedText.JsonEscapeHint);
        _prefilter = new KeywordPrefilter(_rules.SelectMany(r => r.Prefilter).Concat(encodedHints));
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
        var sink = new Sink(options.ListSkipped);

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
                var ignored = new ConcurrentBag<(string Path, bool IsDirectory)>();
                TreeWalker.Walk(root, file => ScanFile(file, relativeTo, options.MaxFileBytes, packages, sink), Math.Max(1, options.Threads), cancel,
                    (path, isDirectory, reason, why) =>
                    {
                        if (reason == TreeWalker.SkipReason.Ignored) ignored.Add((path, isDirectory));
                        else sink.Skip(Display(path, relativeTo), "unreadable" + (why is null ? "" : ": " + why), ref sink.Unreadable);
                    });
                ScanTrackedButIgnored(root, ignored, relativeTo, options.MaxFileBytes, packages, sink);
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
        var stats = new ScanStats(sink.Files, sink.Bytes, Math.Round(clock.Elapsed.TotalSeconds, 3), commits, 0, sink.Allowed)
        {
            Skipped = new ScanSkipped(sink.TooLarge, sink.Binary, sink.Unreadable, sink.NotRegular),
            TrackedIgnored = sink.TrackedIgnored,
        };
        var report = new ScanReport(findings, stats)
        {
            Notes = sink.Notes.Concat(_contributorNotes).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList(),
            SkippedFiles = sink.SkippedFiles.OrderBy(f => f.Path, StringComparer.Ordinal).ToList(),
        };
        return baseline is null ? report : ApplyBaseline(report, baseline);
    }

    /// <summary>
    /// Files git tracks that an ignore rule hides from the walk (force-added with <c>git add -f</c>): scanned like any
    /// other, since they are in the repository for everyone who clones it.
    /// </summary>
    private void ScanTrackedButIgnored(string root, ConcurrentBag<(string Path, bool IsDirectory)> ignored, string relativeTo, long maxBytes, PackageEvidence packages, Sink sink)
    {
        if (ignored.IsEmpty || !Directory.Exists(root) || GitCli.FindRoot(root) is null) return;
        IReadOnlyList<byte[]> tracked;
        try
        {
            tracked = _git.TrackedButIgnored(root, out var refused);
            if (refused is not null) sink.Note(refused + "; files that .gitignore hides but git tracks were not scanned");
        }
        catch (ScanInputException e)
        {
            sink.Note(e.Message + ": files that .gitignore hides but git tracks were not scanned");
            return;
        }
        if (tracked.Count == 0) return;
        var ignoredFiles = new HashSet<string>(ignored.Where(i => !i.IsDirectory).Select(i => i.Path), StringComparer.Ordinal);
        var ignoredDirs = ignored.Where(i => i.IsDirectory).Select(i => i.Path + "/").ToArray();
        var rootBytes = RawPath.Of(Path.TrimEndingDirectorySeparator(root));
        foreach (var rel in tracked)
        {
            var full = RawPath.Combine(rootBytes, rel);
            var shown = RawPath.Display(full);
            if (!ignoredFiles.Contains(shown) && !ignoredDirs.Any(d => shown.StartsWith(d, StringComparison.Ordinal))) continue;
            Interlocked.Increment(ref sink.TrackedIgnored);
            ScanFile(new TreeWalker.WalkedFile(shown, RawPath.IsOpenableByName(full) ? null : full), relativeTo, maxBytes, packages, sink);
        }
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

    private sealed class Sink(bool listSkipped)
    {
        public readonly ConcurrentBag<ScanFinding> Findings = [];
        public long Files, Bytes, TooLarge, Binary, Unreadable, NotRegular, TrackedIgnored;
        public int Allowed;
        public readonly ConcurrentBag<SkippedFile> SkippedFiles = [];
        public readonly ConcurrentBag<string> Notes = [];

        public void Skip(string path, string reason, ref long counter)
        {
            Interlocked.Increment(ref counter);
            if (listSkipped) SkippedFiles.Add(new SkippedFile(path, reason));
        }

        public void Note(string note) => Notes.Add(note);
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
    private void ScanFile(TreeWalker.WalkedFile file, string relativeTo, long maxBytes, PackageEvidence packages, Sink sink)
    {
        string fullPath = file.Path;
        try
        {
            string text;
            string? encoding = null;
            // Never blocks: opened with O_NONBLOCK, and anything but a regular file (a FIFO, a socket, a device) is
            // counted and never read.
            using (var handle = file.Raw is null ? SafeFile.OpenNonBlocking(fullPath, out var notRegular) : SafeFile.OpenNonBlocking(file.Raw, out notRegular))
            {
                if (handle is null) return;
                if (notRegular is not null)
                {
                    sink.Skip(Display(fullPath, relativeTo), "not a regular file: " + notRegular, ref sink.NotRegular);
                    return;
                }
                // No fstat for the length: read into the thread's buffer; a short read is the end of a
                // regular file, a full buffer grows it (up to maxBytes + 1, which marks "too large").
                var bytes = t_bytes ??= new byte[256 * 1024];
                int read = 0;
                while (true)
                {
                    if (read == bytes.Length)
                    {
                        if (read > maxBytes) break;
                        var larger = new byte[(int)Math.Min((long)bytes.Length * 4, maxBytes + 1)];
                        bytes.AsSpan(0, read).CopyTo(larger);
                        t_bytes = bytes = larger;
                    }
                    int n = RandomAccess.Read(handle, bytes.AsSpan(read), read);
                    if (n <= 0) break;
                    read += n;
                    if (read < bytes.Length) break;
                }
                if (read == 0) return;
                if (read > maxBytes)
                {
                    sink.Skip(Display(fullPath, relativeTo), $"too large (over {maxBytes} bytes, --max-filesize)", ref sink.TooLarge);
                    return;
                }
                var data = bytes.AsSpan(0, read);
                if (data[..Math.Min(read, 8192)].Contains((byte)0))
                {
                    // UTF-16 text has NUL bytes too: decode it rather than skip it as binary.
                    if (EncodedText.Utf16Of(data, out int bom) is not { } utf16)
                    {
                        sink.Skip(Display(fullPath, relativeTo), "binary", ref sink.Binary);
                        return;
                    }
                    Interlocked.Increment(ref sink.Files);
                    Interlocked.Add(ref sink.Bytes, read);
                    text = utf16.GetString(data[bom..]);
                    if (!_prefilter.MayMatch(text)) return;
                    encoding = "utf-16";
                }
                else
                {
                    Interlocked.Increment(ref sink.Files);
                    Interlocked.Add(ref sink.Bytes, read);
                    if (!_prefilter.MayMatch(data)) return;
                    text = Encoding.UTF8.GetString(data);
                }
            }
            var unit = new ScanUnit(Display(fullPath, relativeTo), text, () => ContributorsOf(fullPath), packageHas: r => packages.Has(fullPath, r));
            var hits = Detect(unit);
            Report(unit, hits, null, null, sink, encoding);
            ScanEncoded(unit, hits, null, null, sink);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Vanished files are gone; anything else unreadable is counted.
            if (ex is FileNotFoundException or DirectoryNotFoundException) return;
            sink.Skip(Display(fullPath, relativeTo), "unreadable: " + (ex is UnreadableFileException u ? u.Reason : ex is UnauthorizedAccessException ? "permission denied" : ex.Message), ref sink.Unreadable);
        }
    }

    /// <summary>
    /// Tokens hidden by an encoding inside a unit: base64 values holding a token prefix, and JSON escapes. Only
    /// findings with a secret that the plain text did not already show are added, at the place of the encoded value.
    /// </summary>
    private void ScanEncoded(ScanUnit unit, List<Hit> plainHits, string? commit, int[]? lineMap, Sink sink)
    {
        if (_tokenPrefixes.Length == 0) return;
        var text = unit.Text;
        HashSet<string>? known = null;
        List<Hit> Fresh(List<Hit> hits)
        {
            known ??= plainHits.Where(h => h.Secret is not null).Select(h => h.Secret!).ToHashSet(StringComparer.Ordinal);
            return hits.Where(h => h.Secret is not null && known.Add(h.Secret)).ToList();
        }
        // Only tokens are reported from decoded text (Fresh keeps hits with a secret, and a settings file's own escapes
        // are decoded by its JSON parser), so the decoded text is searched only when it holds a token prefix: most
        // JavaScript files hold "\u" escapes, and running every rule over each of them again doubled a scan's time.
        if (TextSearch.ContainsIgnoreCase(text, EncodedText.JsonEscapeHint) && EncodedText.JsonUnescaped(text) is { } unescaped
            && _tokenPrefixes.Any(p => TextSearch.ContainsIgnoreCase(unescaped, p)))
        {
            var decoded = new ScanUnit(unit.Path, unescaped, unit.HumanContributors, wholeFile: false, packageHas: unit.PackageHas);
            Report(decoded, Fresh(Detect(decoded)), commit, lineMap, sink, "json-escape");
        }
        if (!_base64Needles.Any(n => text.Contains(n, StringComparison.Ordinal))) return;
        foreach (var value in EncodedText.Base64Values(text, _base64Needles, _tokenPrefixes))
        {
            var decoded = new ScanUnit(unit.Path, value.Text, unit.HumanContributors, wholeFile: false, packageHas: unit.PackageHas);
            var hits = Fresh(Detect(decoded));
            if (hits.Count == 0) continue;
            // Every finding in the decoded value is reported where the encoded value starts.
            int lineIndex = 0, lineStart = 0;
            for (int i = text.IndexOf('\n'); i >= 0 && i < value.Offset; i = text.IndexOf('\n', i + 1)) { lineIndex++; lineStart = i + 1; }
            int line = lineMap is null ? lineIndex + 1 : lineMap[Math.Min(lineIndex, lineMap.Length - 1)];
            Report(decoded, hits, commit, null, sink, "base64", (line, value.Offset - lineStart + 1));
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
            var hits = Detect(unit);
            Report(unit, hits, added.Commit, added.LineNumbers, sink);
            ScanEncoded(unit, hits, added.Commit, added.LineNumbers, sink);
        }, out int commits, out var refusal);
        if (refusal is not null) sink.Note(refusal + "; the history was not scanned");
        else if (exit != 0 && commits == 0 && exit != 128) throw new ScanInputException($"git log failed in {dir} (exit {exit})");
        else if (exit == 128 && commits == 0) sink.Note($"git could not read the history of {repo} (exit 128); the history was not scanned");
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
            var hits = Detect(unit);
            Report(unit, hits, null, null, sink);
            ScanEncoded(unit, hits, null, null, sink);
        }
    }

    /// <summary>Runs every applicable rule's detector over one unit.</summary>
    internal List<Hit> Detect(ScanUnit unit)
    {
        var hits = new List<Hit>();
        var present = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase); // keywords are shared by rules: search each once
        List<ScanRule>? workflowRules = null;
        bool Present(string k) => present.TryGetValue(k, out var p) ? p : present[k] = TextSearch.ContainsIgnoreCase(unit.Text, k);
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

    private static void Report(ScanUnit unit, List<Hit> hits, string? commit, int[]? lineMap, Sink sink, string? encoding = null, (int Line, int Column)? at = null)
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
            if (TextSearch.ContainsIgnoreCase(lineText, AllowMarker))
            {
                Interlocked.Increment(ref sink.Allowed);
                continue;
            }
            int line = at?.Line ?? (lineMap is null ? lineIndex + 1 : lineMap[Math.Min(lineIndex, lineMap.Length - 1)]);
            var rule = hit.Rule;
            string evidence = hit.Secret ?? lineText.Trim().ToString();
            string context = FindingContext.Of(unit.Path, lineText, hit.Offset - start);
            sink.Findings.Add(new ScanFinding(
                Rule: rule.Id,
                Tier: rule.Tier,
                Path: unit.Path,
                Line: line,
                Column: at?.Column ?? hit.Offset - start + 1,
                Message: rule.Message,
                Fix: rule.Fix,
                Fingerprint: FingerprintOf(rule.Id, unit.Path, evidence),
                Secret: hit.Secret is null ? null : Redactor.Redact(hit.Secret),
                Title: rule.Title,
                Scenario: rule.Scenario,
                Commit: commit,
                Confidence: FindingContext.ConfidenceOf(context, rule.AnyContext),
                Context: context) { Encoding = encoding });
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
                var n = _git.HumanContributors(r, out var refusal);
                if (refusal is not null) _contributorNotes.Add(refusal + "; contributors not counted (rules that depend on them assume an unknown number)");
                return n;
            }
            catch (ScanInputException)
            {
                return -1;
            }
        });
}
