namespace SeatGuard.Core.Policy;

/// <summary>Orders policy book versions (<c>2026.12.1</c>: numeric parts compared in turn; other text compared as text).</summary>
public static class PolicyVersion
{
    public static int Compare(string a, string b)
    {
        var pa = a.Split('.', '-');
        var pb = b.Split('.', '-');
        for (int i = 0; i < Math.Max(pa.Length, pb.Length); i++)
        {
            var x = i < pa.Length ? pa[i] : "0";
            var y = i < pb.Length ? pb[i] : "0";
            int c = long.TryParse(x, out var nx) && long.TryParse(y, out var ny) ? nx.CompareTo(ny) : string.CompareOrdinal(x, y);
            if (c != 0) return c;
        }
        return 0;
    }

    /// <summary>Which of two books is newer: by version, then by date.</summary>
    public static int Compare(PolicyBook a, PolicyBook b)
    {
        int c = Compare(a.Version, b.Version);
        return c != 0 ? c : string.CompareOrdinal(a.Date, b.Date);
    }
}
