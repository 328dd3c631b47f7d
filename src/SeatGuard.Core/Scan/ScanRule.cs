using SeatGuard.Core.Common;

namespace SeatGuard.Core.Scan;

/// <summary>One rule of the rule book (embedded rules.yaml plus an optional user file).</summary>
public sealed class ScanRule
{
    public required string Id { get; init; }
    public required Tier Tier { get; init; }
    public required string Title { get; init; }
    public required string Message { get; init; }
    public required string Fix { get; init; }
    public string? Scenario { get; init; }
    /// <summary>token | pattern | workflow | settings.</summary>
    public required string Detector { get; init; }
    /// <summary>Case-insensitive words of which at least one must occur in a file before the detector runs.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>Globs the file must match (file name, or the path when the glob has a '/'); empty = every file.</summary>
    public IReadOnlyList<PathGlob> Paths { get; init; } = [];
    public IReadOnlyList<PathGlob> ExcludePaths { get; init; } = [];

    // token detector
    public string? TokenPrefix { get; init; }
    public int TokenMin { get; init; }
    public int TokenMax { get; init; }
    public string? TokenSuffix { get; init; }

    // pattern detector: built lazily, so a scan pays only for the expressions a file actually needs
    public Lazy<System.Text.RegularExpressions.Regex>? PatternRegex { get; init; }
    public Lazy<System.Text.RegularExpressions.Regex>? RequiresRegex { get; init; }
    public System.Text.RegularExpressions.Regex? Pattern => PatternRegex?.Value;
    public System.Text.RegularExpressions.Regex? Requires => RequiresRegex?.Value;

    // workflow detector: which check; settings detector: dotted JSON paths
    public string? Check { get; init; }
    public IReadOnlyList<string> SettingsKeys { get; init; } = [];

    /// <summary>Where the rule came from (embedded or a user file), for error messages.</summary>
    public string Origin { get; init; } = "built-in";

    public bool AppliesTo(string relativePath)
    {
        if (Paths.Count > 0 && !Paths.Any(g => g.IsMatch(relativePath))) return false;
        return !ExcludePaths.Any(g => g.IsMatch(relativePath));
    }
}
