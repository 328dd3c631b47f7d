using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>A raw match: where in the text, which rule, and the secret (unredacted, never printed) if any.</summary>
internal readonly record struct Hit(ScanRule Rule, int Offset, int Length, string? Secret);

/// <summary>One text to run detectors on: a file's content, or the added lines of one file in one commit.</summary>
internal sealed class ScanUnit(string path, string text, Func<int>? humanContributors = null, bool wholeFile = true)
{
    public string Path { get; } = path;
    public string Text { get; } = text;
    /// <summary>Structured detectors (workflow, settings) need the whole file; history hunks are not.</summary>
    public bool WholeFile { get; } = wholeFile;
    /// <summary>Human contributors of the repository holding the file, or -1 when unknown (not a git repository).</summary>
    public int HumanContributors() => humanContributors?.Invoke() ?? -1;
}

/// <summary>Token-shaped secrets: a fixed prefix, a body of token characters with a length range and an optional suffix.</summary>
internal static class TokenDetector
{
    private static readonly string[] PlaceholderWords = ["example", "placeholder", "redacted", "replace", "yourtoken", "your_token", "your-token", "xxxxxx", "dummy_", "changeme"];

    public static bool IsTokenChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '-' or '_';

    public static void Detect(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        string text = unit.Text, prefix = rule.TokenPrefix!;
        string suffix = rule.TokenSuffix ?? "";
        for (int i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + prefix.Length, StringComparison.Ordinal))
        {
            if (i > 0 && IsTokenChar(text[i - 1]) && IsTokenChar(prefix[0])) continue;
            int start = i + prefix.Length, end = start;
            while (end < text.Length && IsTokenChar(text[end])) end++;
            var run = text.AsSpan(start, end - start);
            if (!Accept(run, rule.TokenMin, rule.TokenMax, suffix)) continue;
            hits.Add(new Hit(rule, i, end - i, text.Substring(i, end - i)));
        }
    }

    /// <summary>Shape, placeholder and entropy checks on the part after the prefix.</summary>
    internal static bool Accept(ReadOnlySpan<char> run, int min, int max, string suffix)
    {
        if (suffix.Length > 0 && !run.EndsWith(suffix, StringComparison.Ordinal)) return false;
        var body = run[..(run.Length - suffix.Length)];
        if (body.Length < min || body.Length > max) return false;
        return !LooksFake(body);
    }

    internal static bool LooksFake(ReadOnlySpan<char> body)
    {
        foreach (var w in PlaceholderWords)
        {
            if (body.Contains(w, StringComparison.OrdinalIgnoreCase)) return true;
        }
        int sameRun = 1, stepRun = 1;
        for (int k = 1; k < body.Length; k++)
        {
            sameRun = body[k] == body[k - 1] ? sameRun + 1 : 1;
            stepRun = body[k] == body[k - 1] + 1 ? stepRun + 1 : 1;
            if (sameRun >= 6 || stepRun >= 6) return true;
        }
        return ShannonEntropy(body) < 3.5;
    }

    internal static double ShannonEntropy(ReadOnlySpan<char> s)
    {
        if (s.IsEmpty) return 0;
        Span<int> counts = stackalloc int[128];
        counts.Clear();
        int other = 0;
        foreach (var c in s)
        {
            if (c < 128) counts[c]++; else other++;
        }
        double h = 0, total = s.Length;
        foreach (var n in counts)
        {
            if (n > 0) h -= n / total * Math.Log2(n / total);
        }
        if (other > 0) h -= other / total * Math.Log2(other / total);
        return h;
    }
}

/// <summary>Regular expressions from the rule book, with an optional second expression the same text must match.</summary>
internal static class PatternDetector
{
    /// <summary>
    /// The pattern runs on each line that holds one of the rule's keywords (case-insensitive), so a large
    /// file costs one vectorised keyword search; <c>requires</c> is checked on the whole text only when the
    /// pattern matched.
    /// </summary>
    public static void Detect(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        string text = unit.Text;
        int before = hits.Count;
        try
        {
            // Next occurrence of each keyword at or after the current line; refreshed only when passed.
            var keywords = rule.Keywords;
            Span<int> next = stackalloc int[keywords.Count];
            next.Fill(-2);
            int nextLine = 0;
            while (nextLine < text.Length)
            {
                int at = -1;
                for (int k = 0; k < keywords.Count; k++)
                {
                    if (next[k] == -2 || (next[k] >= 0 && next[k] < nextLine)) next[k] = text.IndexOf(keywords[k], nextLine, StringComparison.OrdinalIgnoreCase);
                    if (next[k] >= 0 && (at < 0 || next[k] < at)) at = next[k];
                }
                if (at < 0) break;
                int start = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                int end = text.IndexOf('\n', at);
                if (end < 0) end = text.Length;
                foreach (var m in rule.Pattern!.EnumerateMatches(text.AsSpan(start, end - start)))
                {
                    hits.Add(new Hit(rule, start + m.Index, Math.Max(1, m.Length), null));
                }
                nextLine = end + 1;
            }
            if (hits.Count > before && rule.Requires is not null && !rule.Requires.IsMatch(text)) hits.RemoveRange(before, hits.Count - before);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological file: skip this rule for it rather than stall the scan.
            hits.RemoveRange(before, hits.Count - before);
        }
    }
}
