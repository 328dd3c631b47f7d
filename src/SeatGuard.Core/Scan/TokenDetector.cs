using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>Token-shaped secrets: a fixed prefix, a body of token characters with a length range and an optional suffix.</summary>
internal static class TokenDetector
{
    private static readonly string[] PlaceholderWords = ["example", "placeholder", "redacted", "replace", "yourtoken", "your_token", "your-token", "xxxxxx", "dummy_", "changeme"];

    public static void Detect(ScanUnit unit, ScanRule rule, List<Hit> hits)
    {
        string text = unit.Text, prefix = rule.TokenPrefix!;
        string suffix = rule.TokenSuffix ?? "";
        for (int i = text.IndexOf(prefix, StringComparison.Ordinal); i >= 0; i = text.IndexOf(prefix, i + prefix.Length, StringComparison.Ordinal))
        {
            if (i > 0 && TokenShapes.IsTokenChar(text[i - 1]) && TokenShapes.IsTokenChar(prefix[0])) continue;
            int start = i + prefix.Length, end = start;
            while (end < text.Length && TokenShapes.IsTokenChar(text[end])) end++;
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
            if (TextSearch.ContainsIgnoreCase(body, w)) return true;
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
