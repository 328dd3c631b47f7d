using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>Regular expressions from the rule book, with context expressions the same text (or package) must and must not match.</summary>
internal static class PatternDetector
{
    /// <summary><c>window: file</c>: the pattern runs once over the whole text (expressions that follow a name across lines).</summary>
    public const int WholeFile = int.MaxValue;

    /// <summary>
    /// The pattern runs on each line that holds one of the rule's keywords (case-insensitive), so a large
    /// file costs one vectorised keyword search; with <c>window: N</c> it runs on that line and the N lines
    /// before it, so a call split over several lines (black, prettier) still matches, as long as the match
    /// reaches the keyword line. <c>requires</c> (all) and <c>unless</c> (none) are checked only when the
    /// pattern matched: on the whole text, and with <c>scope: package</c> on the package's other files too.
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
            int nextLine = 0, lastEnd = -1;
            while (nextLine < text.Length)
            {
                int at = -1;
                for (int k = 0; k < keywords.Count; k++)
                {
                    if (next[k] == -2 || (next[k] >= 0 && next[k] < nextLine)) next[k] = TextSearch.IndexOfIgnoreCase(text, keywords[k], nextLine);
                    if (next[k] >= 0 && (at < 0 || next[k] < at)) at = next[k];
                }
                if (at < 0) break;
                int lineStart = at == 0 ? 0 : text.LastIndexOf('\n', at - 1) + 1;
                int end = text.IndexOf('\n', at);
                if (end < 0) end = text.Length;
                int start = lineStart, stop = end;
                if (rule.Window == WholeFile) (start, stop, lineStart, end) = (0, text.Length, 0, text.Length);
                for (int w = 0; w < rule.Window && start > 0; w++) start = start < 2 ? 0 : text.LastIndexOf('\n', start - 2) + 1;
                for (int w = 0; w < rule.Window && stop < text.Length; w++)
                {
                    int n = text.IndexOf('\n', stop + 1);
                    stop = n < 0 ? text.Length : n;
                }
                foreach (var m in rule.Pattern!.EnumerateMatches(text.AsSpan(start, stop - start)))
                {
                    int offset = start + m.Index;
                    // A window match must touch the keyword line, and one already found from an earlier line is not repeated.
                    if (offset + m.Length < lineStart || offset > end || offset < lastEnd) continue;
                    hits.Add(new Hit(rule, offset, Math.Max(1, m.Length), null));
                    lastEnd = offset + m.Length;
                }
                nextLine = rule.Window == WholeFile ? text.Length : end + 1;
            }
            if (hits.Count > before && !ContextHolds(unit, rule)) hits.RemoveRange(before, hits.Count - before);
        }
        catch (RegexMatchTimeoutException)
        {
            // A pathological file: skip this rule for it rather than stall the scan.
            hits.RemoveRange(before, hits.Count - before);
        }
    }

    /// <summary>Every <c>requires</c> matches and no <c>unless</c> does (in the text, or with package scope anywhere in the package).</summary>
    public static bool ContextHolds(ScanUnit unit, ScanRule rule)
    {
        foreach (var r in rule.RequiresAll)
        {
            if (!r.Value.IsMatch(unit.Text) && !(rule.PackageScope && unit.PackageHas(r.Value))) return false;
        }
        foreach (var u in rule.UnlessAny)
        {
            if (u.Value.IsMatch(unit.Text) || (rule.PackageScope && unit.PackageHas(u.Value))) return false;
        }
        return true;
    }
}
