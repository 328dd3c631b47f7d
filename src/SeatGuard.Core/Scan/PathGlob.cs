using System.IO.Enumeration;

namespace SeatGuard.Core.Scan;

/// <summary>
/// A path glob from the rule book: without '/', it matches the file name (<c>Dockerfile*</c>);
/// with '/', it matches the end of the '/'-separated relative path (<c>.github/workflows/*.yml</c>).
/// '*' and '?' as in shell globs, case-insensitive.
/// </summary>
public sealed class PathGlob(string pattern)
{
    private readonly bool _pathGlob = pattern.Contains('/');
    private readonly string _expr = pattern.StartsWith('/') ? pattern : pattern.Contains('/') ? "*/" + pattern : pattern;

    /// <summary>The glob as written.</summary>
    public string Pattern { get; } = pattern;

    /// <summary>Whether the relative path (or its file name, for a glob without '/') matches.</summary>
    public bool IsMatch(string relativePath)
    {
        if (_pathGlob) return FileSystemName.MatchesSimpleExpression(_expr, "/" + relativePath, ignoreCase: true);
        int slash = relativePath.LastIndexOf('/');
        return FileSystemName.MatchesSimpleExpression(_expr, relativePath.AsSpan(slash + 1), ignoreCase: true);
    }

    /// <inheritdoc />
    public override string ToString() => Pattern;
}
