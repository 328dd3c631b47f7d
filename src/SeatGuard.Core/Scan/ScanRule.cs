using SeatGuard.Core.Common;
using System.Text.RegularExpressions;

namespace SeatGuard.Core.Scan;

/// <summary>One rule of the rule book (embedded rules.yaml plus an optional user file).</summary>
public sealed class ScanRule
{
    /// <summary>The rule's id.</summary>
    public required string Id { get; init; }
    /// <summary>The tier of what it finds.</summary>
    public required Tier Tier { get; init; }
    /// <summary>A short title.</summary>
    public required string Title { get; init; }
    /// <summary>What a finding means.</summary>
    public required string Message { get; init; }
    /// <summary>How to fix it.</summary>
    public required string Fix { get; init; }
    /// <summary>The policy-book scenario it maps to, or null.</summary>
    public string? Scenario { get; init; }
    /// <summary>token | pattern | workflow | settings | compose.</summary>
    public required string Detector { get; init; }
    /// <summary>Case-insensitive words of which at least one must occur in a file before the detector runs.</summary>
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary>
    /// Words of which one must occur in a file for the rule to look at it at all (the vectorised first pass);
    /// by default the <see cref="Keywords"/>. Rules whose line keywords are common words name rarer file-level
    /// words here (a relay file always mentions Claude or Anthropic), which keeps the first pass narrow.
    /// </summary>
    public IReadOnlyList<string> Prefilter { get; init; } = [];
    /// <summary>Globs the file must match (file name, or the path when the glob has a '/'); empty = every file.</summary>
    public IReadOnlyList<PathGlob> Paths { get; init; } = [];
    /// <summary>Globs the file must not match.</summary>
    public IReadOnlyList<PathGlob> ExcludePaths { get; init; } = [];

    // token detector
    /// <summary>Token detector: the token's prefix.</summary>
    public string? TokenPrefix { get; init; }
    /// <summary>Token detector: the body's minimum length.</summary>
    public int TokenMin { get; init; }
    /// <summary>Token detector: the body's maximum length.</summary>
    public int TokenMax { get; init; }
    /// <summary>Token detector: a required suffix, or null.</summary>
    public string? TokenSuffix { get; init; }

    // pattern detector: built lazily, so a scan pays only for the expressions a file actually needs
    /// <summary>Pattern detector: the expression, built on first use.</summary>
    public Lazy<Regex>? PatternRegex { get; init; }
    /// <summary>Pattern detector: the expression.</summary>
    public Regex? Pattern => PatternRegex?.Value;
    /// <summary>Expressions that must all match as well (the file, or with <see cref="PackageScope"/> any file of its package).</summary>
    public IReadOnlyList<Lazy<Regex>> RequiresAll { get; init; } = [];
    /// <summary>Expressions of which none may match (same scope): the "unless" context, e.g. an API key that is required.</summary>
    public IReadOnlyList<Lazy<Regex>> UnlessAny { get; init; } = [];
    /// <summary><c>requires</c> and <c>unless</c> look at the whole package (the directory tree up to a manifest or the repository root).</summary>
    public bool PackageScope { get; init; }
    /// <summary>Lines before the keyword line the pattern may start on (calls split over several lines).</summary>
    public int Window { get; init; }
    /// <summary>True when a match in a comment, test, docs or another scanner's rules is as sure as anywhere else (leaked secrets).</summary>
    public bool AnyContext { get; init; }

    // workflow detector: which check; settings detector: dotted JSON paths
    /// <summary>Workflow detector: which check.</summary>
    public string? Check { get; init; }
    /// <summary>Settings detector: dotted JSON paths.</summary>
    public IReadOnlyList<string> SettingsKeys { get; init; } = [];

    /// <summary>Examples the rule must (hit) and must not (miss) report, as gitleaks keeps true and false positives beside each rule.</summary>
    public IReadOnlyList<RuleExample> Examples { get; init; } = [];

    /// <summary>Where the rule came from (embedded or a user file), for error messages.</summary>
    public string Origin { get; init; } = "built-in";

    /// <summary>Whether the rule looks at this file (its paths and exclusions).</summary>
    public bool AppliesTo(string relativePath)
    {
        if (Paths.Count > 0 && !Paths.Any(g => g.IsMatch(relativePath))) return false;
        return !ExcludePaths.Any(g => g.IsMatch(relativePath));
    }
}
