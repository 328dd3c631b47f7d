namespace SeatGuard.Core.Scan;

/// <summary>
/// The rules of one ignore file (<c>.gitignore</c>, <c>.git/info/exclude</c>) with git's semantics: blank lines and
/// <c>#</c> comments skipped, trailing spaces dropped unless escaped, <c>!</c> re-includes, a trailing <c>/</c> matches
/// directories only, a pattern with a <c>/</c> (other than a trailing one) is anchored to the file's directory and
/// matched against the relative path, any other pattern against the name at every depth; the last matching rule
/// wins. Matching costs time linear in the path for every rule (<see cref="IgnoreGlob"/>), and literal rules — the
/// bulk of long generated ignore files — are looked up in hash tables, so a 20,000-rule file stays fast.
/// </summary>
internal sealed class IgnoreFile
{
    private sealed record Rule(int Index, bool Negated, bool DirectoryOnly, bool Anchored, IgnoreGlob? Glob);

    /// <summary>What the file says about one path.</summary>
    public enum Verdict : byte { NoMatch, Ignored, Included }

    private readonly Dictionary<string, List<Rule>> _byName;
    private readonly Dictionary<string, List<Rule>> _byPath;
    private readonly Dictionary<string, List<Rule>> _bySuffix;
    private readonly int[] _suffixLengths;
    private readonly Rule[] _generic;

    public int Count { get; }

    private IgnoreFile(List<Rule> generic, Dictionary<string, List<Rule>> byName, Dictionary<string, List<Rule>> byPath,
        Dictionary<string, List<Rule>> bySuffix, int count)
    {
        _generic = generic.ToArray();
        _byName = byName;
        _byPath = byPath;
        _bySuffix = bySuffix;
        _suffixLengths = bySuffix.Keys.Select(k => k.Length).Distinct().OrderBy(n => n).ToArray();
        Count = count;
    }

    /// <summary>Parses the text of an ignore file.</summary>
    public static IgnoreFile Parse(string text)
    {
        var generic = new List<Rule>();
        var byName = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        var byPath = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        var bySuffix = new Dictionary<string, List<Rule>>(StringComparer.Ordinal);
        int index = 0;
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.EndsWith('\r') ? raw[..^1] : raw;
            line = TrimTrailingSpaces(line);
            if (line.Length == 0 || line[0] == '#') continue;
            bool negated = false;
            if (line[0] == '!') { negated = true; line = line[1..]; }
            else if (line.StartsWith("\\!", StringComparison.Ordinal) || line.StartsWith("\\#", StringComparison.Ordinal)) line = line[1..];
            bool directoryOnly = false;
            // git drops one trailing slash: "x//" keeps "x/", which no path equals.
            if (line.Length > 1 && line[^1] == '/' && line[^2] != '\\')
            {
                directoryOnly = true;
                line = line[..^1];
            }
            if (line == "/") continue;
            bool anchored = line.Contains('/');
            if (line.StartsWith('/')) line = line[1..];
            if (line.Length == 0) continue;
            index++;
            bool wild = HasWildcard(line);
            if (!wild)
            {
                var literal = Unescape(line);
                var rule = new Rule(index, negated, directoryOnly, anchored, null);
                Add(anchored ? byPath : byName, literal, rule);
            }
            else if (!anchored && line[0] == '*' && line.Length > 1 && !HasWildcard(line[1..]))
            {
                Add(bySuffix, Unescape(line[1..]), new Rule(index, negated, directoryOnly, false, null));
            }
            else
            {
                generic.Add(new Rule(index, negated, directoryOnly, anchored, IgnoreGlob.Compile(line, pathPattern: anchored)));
            }
        }
        return new IgnoreFile(generic, byName, byPath, bySuffix, index);
    }

    private static void Add(Dictionary<string, List<Rule>> into, string key, Rule rule)
    {
        if (!into.TryGetValue(key, out var list)) into[key] = list = [];
        list.Add(rule);
    }

    private static bool HasWildcard(string pattern)
    {
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '\\') { i++; continue; }
            if (c is '*' or '?' or '[') return true;
        }
        return false;
    }

    private static string Unescape(string s)
    {
        if (!s.Contains('\\')) return s;
        var sb = new System.Text.StringBuilder(s.Length);
        for (int i = 0; i < s.Length; i++)
        {
            if (s[i] == '\\' && i + 1 < s.Length) i++;
            sb.Append(s[i]);
        }
        return sb.ToString();
    }

    /// <summary>Trailing spaces are dropped unless the last one is escaped with a backslash.</summary>
    private static string TrimTrailingSpaces(string line)
    {
        int end = line.Length;
        while (end > 0 && line[end - 1] == ' ')
        {
            if (end >= 2 && line[end - 2] == '\\') break;
            end--;
        }
        return end == line.Length ? line : line[..end];
    }

    /// <summary>
    /// The verdict of the last rule that matches <paramref name="relativePath"/> ('/'-separated, relative to this file's
    /// directory; <paramref name="name"/> its last segment).
    /// </summary>
    public Verdict Match(string relativePath, string name, bool isDirectory)
    {
        Rule? best = null;
        void Consider(List<Rule>? rules)
        {
            if (rules is null) return;
            for (int i = rules.Count - 1; i >= 0; i--)
            {
                var r = rules[i];
                if (r.DirectoryOnly && !isDirectory) continue;
                if (best is null || r.Index > best.Index) best = r;
                break;
            }
        }
        if (_byName.Count > 0) Consider(_byName.GetValueOrDefault(name));
        if (_byPath.Count > 0) Consider(_byPath.GetValueOrDefault(relativePath));
        foreach (var length in _suffixLengths)
        {
            if (length > name.Length) break;
            Consider(_bySuffix.GetValueOrDefault(name[^length..]));
        }
        for (int i = _generic.Length - 1; i >= 0; i--)
        {
            var r = _generic[i];
            if (best is not null && r.Index < best.Index) break;
            if (r.DirectoryOnly && !isDirectory) continue;
            var target = r.Anchored ? relativePath : name;
            if (r.Glob!.RequiredLiteral.Length > 0 && !target.Contains(r.Glob.RequiredLiteral, StringComparison.Ordinal)) continue;
            if (!r.Glob.IsMatch(target)) continue;
            best = r;
            break;
        }
        return best is null ? Verdict.NoMatch : best.Negated ? Verdict.Included : Verdict.Ignored;
    }
}
