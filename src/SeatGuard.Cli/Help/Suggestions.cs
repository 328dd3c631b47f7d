namespace SeatGuard.Cli.Help;

/// <summary>The closest known name to a mistyped one ("did you mean"): edit distance with transpositions, or a prefix.</summary>
public static class Suggestions
{
    /// <summary>
    /// The candidate closest to <paramref name="word"/>, or null when none is close: within a third of the word's length in
    /// edits (at least one, transpositions count once), or one the word is an unambiguous prefix of.
    /// </summary>
    public static string? Closest(string word, IEnumerable<string> candidates)
    {
        var list = candidates.Where(c => c.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        if (word.Length == 0 || list.Count == 0) return null;
        string bare = word.TrimStart('-');
        var prefixed = list.Where(c => bare.Length >= 2 && c.TrimStart('-').StartsWith(bare, StringComparison.OrdinalIgnoreCase)).ToList();
        if (prefixed.Count == 1) return prefixed[0];
        int limit = Math.Max(1, bare.Length / 3);
        string? best = null;
        int bestDistance = int.MaxValue;
        foreach (var candidate in list)
        {
            int d = Distance(bare.ToLowerInvariant(), candidate.TrimStart('-').ToLowerInvariant());
            if (d < bestDistance) (best, bestDistance) = (candidate, d);
        }
        return bestDistance <= limit ? best : null;
    }

    /// <summary>Optimal string alignment distance: insertions, deletions, substitutions and adjacent transpositions.</summary>
    public static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (int i = 0; i <= a.Length; i++) d[i, 0] = i;
        for (int j = 0; j <= b.Length; j++) d[0, j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
            }
        }
        return d[a.Length, b.Length];
    }
}
