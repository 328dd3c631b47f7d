using System.Buffers;
using System.Text;

namespace SeatGuard.Core.Scan;

/// <summary>
/// The cheap first pass, as in ripgrep and gitleaks: one vectorised multi-string search
/// (<see cref="SearchValues{T}"/>, case-insensitive) for every rule keyword over a file's bytes, before
/// any decoding or regular expression. Keywords are ASCII, so the UTF-8 bytes are widened 1:1
/// (Latin-1) for the search; a multi-byte character can never produce a false ASCII match.
/// </summary>
public sealed class KeywordPrefilter
{
    private readonly SearchValues<string> _values;

    public IReadOnlyList<string> Keywords { get; }

    public KeywordPrefilter(IEnumerable<string> keywords)
    {
        var all = keywords.Select(k => k.ToLowerInvariant()).Distinct().OrderBy(k => k.Length).ToList();
        // A keyword that contains a shorter one adds nothing to the first pass.
        var minimal = new List<string>();
        foreach (var k in all)
        {
            if (!minimal.Any(m => k.Contains(m, StringComparison.Ordinal))) minimal.Add(k);
        }
        if (minimal.Any(k => k.Any(c => c > 127))) throw new ScanInputException("scan keywords must be ASCII: " + string.Join(", ", minimal.Where(k => k.Any(c => c > 127))));
        Keywords = minimal;
        _values = SearchValues.Create(minimal.ToArray(), StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when a keyword occurs in <paramref name="utf8"/>; <paramref name="scratch"/> must be at least as long.</summary>
    public bool MayMatch(ReadOnlySpan<byte> utf8, Span<char> scratch)
    {
        int n = Encoding.Latin1.GetChars(utf8, scratch);
        return scratch[..n].IndexOfAny(_values) >= 0;
    }

    public bool MayMatch(ReadOnlySpan<char> text) => text.IndexOfAny(_values) >= 0;
}
