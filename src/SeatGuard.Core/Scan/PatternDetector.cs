using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

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
