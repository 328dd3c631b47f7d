using System.Globalization;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Usage;

/// <summary>
/// How a model id from a transcript (<c>message.model</c>) is turned into price-book names, with no prefix or fuzzy
/// matching: lower case; a trailing <c>[1m]</c> removed (the 1M-context flag never changes the price on its own);
/// a provider path (<c>anthropic/</c>, <c>vertex_ai/</c>) and a Bedrock region prefix (<c>us.anthropic.</c>,
/// <c>anthropic.</c>) removed; a Bedrock version (<c>-v1:0</c>) and a Vertex date or tag (<c>@20250929</c>) removed;
/// a dotted version (<c>claude-sonnet-4.5</c>) spelled with a dash. Then the exact name is looked up, and, only if that
/// fails, the name without a <c>-YYYYMMDD</c> date, and with a <c>claude-</c> prefix when it has none. So
/// <c>claude-opus-4-6</c> can never be priced as <c>claude-opus-4</c>, nor <c>claude-opus-5-5</c> as <c>claude-opus-5</c>.
/// </summary>
public static partial class ModelIds
{
    /// <summary>The canonical spelling of a model id (see the type's summary), before date removal.</summary>
    public static string Normalize(string model)
    {
        var s = model.Trim().ToLowerInvariant();
        if (s.EndsWith("[1m]", StringComparison.Ordinal)) s = s[..^4].TrimEnd();
        int slash = s.LastIndexOf('/');
        if (slash >= 0) s = s[(slash + 1)..];
        s = BedrockPrefix().Replace(s, "");
        int at = s.IndexOf('@');
        if (at >= 0) s = s[..at];
        s = BedrockVersion().Replace(s, "");
        s = DottedVersion().Replace(s, "$1-$2");
        return s;
    }

    /// <summary>The names to look up, most specific first: the normalized id, without its date, with a <c>claude-</c> prefix.</summary>
    public static IEnumerable<string> Candidates(string model)
    {
        var s = Normalize(model);
        if (s.Length == 0) yield break;
        yield return s;
        var undated = WithoutDate(s);
        if (undated != s) yield return undated;
        if (!s.StartsWith("claude-", StringComparison.Ordinal))
        {
            yield return "claude-" + s;
            if (undated != s) yield return "claude-" + undated;
        }
    }

    /// <summary>The id without a trailing <c>-YYYYMMDD</c>.</summary>
    public static string WithoutDate(string id) =>
        id.Length > 9 && id[^9] == '-' && id.AsSpan(id.Length - 8).IndexOfAnyExceptInRange('0', '9') < 0 ? id[..^9] : id;

    /// <summary>
    /// The family and version of a Claude model id, in either spelling Anthropic has used
    /// (<c>claude-opus-4-6</c>, <c>claude-3-5-sonnet</c>); null when the id is not shaped like one.
    /// </summary>
    public static (string Family, decimal Version)? FamilyVersion(string model)
    {
        var s = WithoutDate(Normalize(model));
        var m = NewStyle().Match(s);
        if (m.Success) return (m.Groups[1].Value, Version(m.Groups[2].Value, m.Groups[3].Value));
        m = OldStyle().Match(s);
        if (m.Success) return (m.Groups[3].Value, Version(m.Groups[1].Value, m.Groups[2].Value));
        return null;
    }

    private static decimal Version(string major, string minor) =>
        decimal.Parse(major, CultureInfo.InvariantCulture) + (minor.Length == 0 ? 0 : decimal.Parse(minor, CultureInfo.InvariantCulture) / (minor.Length == 1 ? 10m : 100m));

    [GeneratedRegex(@"^(?:[a-z]{2,6}\.)?anthropic\.")]
    private static partial Regex BedrockPrefix();

    [GeneratedRegex(@"-v\d+(?::\d+)?$")]
    private static partial Regex BedrockVersion();

    [GeneratedRegex(@"(\d)\.(\d)")]
    private static partial Regex DottedVersion();

    [GeneratedRegex(@"^claude-([a-z]+)-(\d{1,2})(?:-(\d{1,2}))?$")]
    private static partial Regex NewStyle();

    [GeneratedRegex(@"^claude-(\d{1,2})(?:-(\d{1,2}))?-([a-z]+)$")]
    private static partial Regex OldStyle();
}
