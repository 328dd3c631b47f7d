using System.Numerics;

namespace SeatGuard.Core.Scan;

/// <summary>
/// One <c>.gitignore</c> pattern compiled for matching in linear time: the pattern becomes a small automaton
/// (one state per pattern element) that is run over the path once, keeping the set of live states as a bit set,
/// so <c>*a*a*a*a*a*a*b</c> against a long name costs path length × pattern length, never more (git's own
/// backtracking wildmatch and many ports of it are exponential there). Semantics as git's: <c>*</c> and <c>?</c> and
/// <c>[…]</c> never match '/', <c>**/</c> matches any number of leading directories, <c>/**</c> everything inside,
/// <c>/**/</c> zero or more directories, a backslash escapes the next character.
/// </summary>
internal sealed class IgnoreGlob
{
    private enum Kind : byte { Literal, Any, Class, Star, DoubleStar, Branch }

    private readonly record struct Element(Kind Kind, char Char, CharClass? Class, int SkipTo);

    /// <summary>A bracket expression: ranges and single characters, possibly negated (never matches '/').</summary>
    private sealed class CharClass(List<(char From, char To)> ranges, bool negated)
    {
        public bool Matches(char c) => c != '/' && ranges.Any(r => c >= r.From && c <= r.To) != negated;
    }

    private readonly Element[] _elements;
    private readonly int _words;

    private IgnoreGlob(Element[] elements)
    {
        _elements = elements;
        _words = (elements.Length + 1 + 63) / 64;
    }

    /// <summary>The longest run of literal characters the pattern requires (for a quick rejection), or empty.</summary>
    public string RequiredLiteral { get; private init; } = "";

    /// <summary>Compiles a pattern (already stripped of '!', a leading '/' and a trailing '/').</summary>
    /// <param name="pattern">The pattern.</param>
    /// <param name="pathPattern">
    /// It holds a '/' and is matched against the whole relative path. git then compares the literal text before its
    /// first special character (<c>*?[\</c>) on its own and matches only the rest, so a <c>**</c> right after that
    /// text counts as leading: <c>a**/.txt</c> matches <c>a.txt</c> (dir.c's match_pathname and wildmatch).
    /// </param>
    public static IgnoreGlob Compile(string pattern, bool pathPattern = false)
    {
        int literalPrefix = pathPattern ? pattern.AsSpan().IndexOfAny("*?[\\") : -1;
        var elements = new List<Element>();
        var literal = new System.Text.StringBuilder();
        string best = "";
        void EndLiteral()
        {
            if (literal.Length > best.Length) best = literal.ToString();
            literal.Clear();
        }
        for (int i = 0; i < pattern.Length; i++)
        {
            char c = pattern[i];
            if (c == '*')
            {
                EndLiteral();
                int run = 1;
                while (i + run < pattern.Length && pattern[i + run] == '*') run++;
                bool atStart = i == 0 || pattern[i - 1] == '/' || i == literalPrefix;
                bool atEnd = i + run == pattern.Length || pattern[i + run] == '/';
                if (run >= 2 && atStart && atEnd)
                {
                    if (i + run < pattern.Length)
                    {
                        // "**/" (leading or in the middle): zero or more whole directories. The branch either skips
                        // the group (no directory) or enters "anything, then '/'".
                        elements.Add(new Element(Kind.Branch, '\0', null, elements.Count + 3));
                        elements.Add(new Element(Kind.DoubleStar, '\0', null, -1));
                        elements.Add(new Element(Kind.Literal, '/', null, -1));
                        i += run; // also consumes the '/'
                    }
                    else
                    {
                        // "/**" at the end: everything inside.
                        elements.Add(new Element(Kind.DoubleStar, '\0', null, -1));
                        i += run - 1;
                    }
                    continue;
                }
                elements.Add(new Element(Kind.Star, '\0', null, -1));
                i += run - 1;
            }
            else if (c == '?')
            {
                EndLiteral();
                elements.Add(new Element(Kind.Any, '\0', null, -1));
            }
            else if (c == '[' && TryClass(pattern, i, out var cls, out int end))
            {
                EndLiteral();
                elements.Add(new Element(Kind.Class, '\0', cls, -1));
                i = end;
            }
            else
            {
                if (c == '\\' && i + 1 < pattern.Length) c = pattern[++i];
                elements.Add(new Element(Kind.Literal, c, null, -1));
                literal.Append(c);
            }
        }
        EndLiteral();
        return new IgnoreGlob(elements.ToArray()) { RequiredLiteral = best };
    }

    private static readonly Dictionary<string, (char, char)[]> PosixClasses = new(StringComparer.Ordinal)
    {
        ["alnum"] = [('0', '9'), ('A', 'Z'), ('a', 'z')], ["alpha"] = [('A', 'Z'), ('a', 'z')], ["digit"] = [('0', '9')],
        ["lower"] = [('a', 'z')], ["upper"] = [('A', 'Z')], ["space"] = [(' ', ' '), ('\t', '\r')], ["blank"] = [(' ', ' '), ('\t', '\t')],
        ["xdigit"] = [('0', '9'), ('A', 'F'), ('a', 'f')], ["punct"] = [('!', '/'), (':', '@'), ('[', '`'), ('{', '~')],
        ["print"] = [(' ', '~')], ["graph"] = [('!', '~')], ["cntrl"] = [('\0', '\u001f'), ('\u007f', '\u007f')],
    };

    /// <summary>Parses <c>[…]</c> at <paramref name="start"/>; false (a literal '[') when it is not closed.</summary>
    private static bool TryClass(string p, int start, out CharClass? cls, out int end)
    {
        cls = null;
        end = start;
        int i = start + 1;
        bool negated = i < p.Length && (p[i] == '!' || p[i] == '^');
        if (negated) i++;
        var ranges = new List<(char, char)>();
        bool first = true;
        while (i < p.Length && (p[i] != ']' || first))
        {
            first = false;
            char c = p[i];
            if (c == '[' && i + 1 < p.Length && p[i + 1] == ':')
            {
                int close = p.IndexOf(":]", i + 2, StringComparison.Ordinal);
                if (close > 0 && PosixClasses.TryGetValue(p[(i + 2)..close], out var named))
                {
                    ranges.AddRange(named);
                    i = close + 2;
                    continue;
                }
            }
            if (c == '\\' && i + 1 < p.Length) c = p[++i];
            if (i + 2 < p.Length && p[i + 1] == '-' && p[i + 2] != ']')
            {
                char to = p[i + 2];
                int skip = 2;
                if (to == '\\' && i + 3 < p.Length) { to = p[i + 3]; skip = 3; }
                if (to >= c) ranges.Add((c, to));
                i += skip + 1;
                continue;
            }
            ranges.Add((c, c));
            i++;
        }
        if (i >= p.Length) return false;
        cls = new CharClass(ranges, negated);
        end = i;
        return true;
    }

    /// <summary>True when the whole of <paramref name="text"/> matches.</summary>
    public bool IsMatch(ReadOnlySpan<char> text)
    {
        int n = _elements.Length;
        if (_words == 1) return IsMatchSmall(text);
        Span<ulong> current = _words <= 16 ? stackalloc ulong[_words] : new ulong[_words];
        Span<ulong> next = _words <= 16 ? stackalloc ulong[_words] : new ulong[_words];
        current.Clear();
        Add(current, 0);
        foreach (char c in text)
        {
            next.Clear();
            bool any = false;
            for (int w = 0; w < _words; w++)
            {
                for (ulong bits = current[w]; bits != 0; bits &= bits - 1)
                {
                    int k = w * 64 + BitOperations.TrailingZeroCount(bits);
                    if (k >= n) continue;
                    var e = _elements[k];
                    switch (e.Kind)
                    {
                        case Kind.Literal when c == e.Char: Add(next, k + 1); any = true; break;
                        case Kind.Any when c != '/': Add(next, k + 1); any = true; break;
                        case Kind.Class when e.Class!.Matches(c): Add(next, k + 1); any = true; break;
                        case Kind.Star when c != '/': Add(next, k); any = true; break;
                        case Kind.DoubleStar: Add(next, k); any = true; break;
                    }
                }
            }
            if (!any) return false;
            var swap = current;
            current = next;
            next = swap;
        }
        return (current[n / 64] & (1UL << (n % 64))) != 0;
    }

    /// <summary>Adds state <paramref name="k"/> and what it reaches without consuming a character.</summary>
    private void Add(Span<ulong> set, int k)
    {
        while (true)
        {
            ref ulong word = ref set[k / 64];
            ulong bit = 1UL << (k % 64);
            if ((word & bit) != 0) return;
            word |= bit;
            if (k >= _elements.Length) return;
            var e = _elements[k];
            if (e.Kind is not (Kind.Star or Kind.DoubleStar or Kind.Branch)) return;
            if (e.SkipTo >= 0) Add(set, e.SkipTo);
            k++;
        }
    }

    /// <summary>The same automaton in one machine word (patterns of up to 63 elements: nearly all).</summary>
    private bool IsMatchSmall(ReadOnlySpan<char> text)
    {
        int n = _elements.Length;
        ulong current = Closure(1UL);
        foreach (char c in text)
        {
            ulong next = 0;
            for (ulong bits = current; bits != 0; bits &= bits - 1)
            {
                int k = BitOperations.TrailingZeroCount(bits);
                if (k >= n) continue;
                var e = _elements[k];
                switch (e.Kind)
                {
                    case Kind.Literal when c == e.Char: next |= 1UL << (k + 1); break;
                    case Kind.Any when c != '/': next |= 1UL << (k + 1); break;
                    case Kind.Class when e.Class!.Matches(c): next |= 1UL << (k + 1); break;
                    case Kind.Star when c != '/': next |= 1UL << k; break;
                    case Kind.DoubleStar: next |= 1UL << k; break;
                }
            }
            if (next == 0) return false;
            current = Closure(next);
        }
        return (current & (1UL << n)) != 0;
    }

    private ulong Closure(ulong set)
    {
        ulong done = 0;
        while (set != done)
        {
            ulong fresh = set & ~done;
            done = set;
            for (ulong bits = fresh; bits != 0; bits &= bits - 1)
            {
                int k = BitOperations.TrailingZeroCount(bits);
                if (k >= _elements.Length) continue;
                var e = _elements[k];
                if (e.Kind is not (Kind.Star or Kind.DoubleStar or Kind.Branch)) continue;
                set |= 1UL << (k + 1);
                if (e.SkipTo >= 0) set |= 1UL << e.SkipTo;
            }
        }
        return set;
    }
}
