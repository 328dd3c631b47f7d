namespace SeatGuard.Core.Scan;

/// <summary>How much a finding puts the seat at risk. Ordered: a higher value is worse.</summary>
public enum Tier { Green = 0, Gray = 1, Red = 2 }

public static class Tiers
{
    public static string Name(Tier tier) => tier switch { Tier.Red => "red", Tier.Gray => "gray", _ => "green" };

    public static bool TryParse(string? text, out Tier tier)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "red": tier = Tier.Red; return true;
            case "gray" or "grey": tier = Tier.Gray; return true;
            case "green" or "info": tier = Tier.Green; return true;
            default: tier = Tier.Green; return false;
        }
    }
}

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

/// <summary>A finding as reported (JSON, SARIF, table). Secrets appear only redacted.</summary>
public sealed record Finding(
    string Rule,
    string Tier,
    string Path,
    int Line,
    int Column,
    string Message,
    string Fix,
    string Fingerprint,
    string? Secret,
    string Title,
    string? Scenario,
    string? Commit)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Tier TierValue => Tiers.TryParse(Tier, out var t) ? t : Scan.Tier.Green;
}

public sealed record ScanStats(long Files, long Bytes, double Seconds, int Commits, int Baselined, int Allowed);

public sealed record ScanReport(IReadOnlyList<Finding> Findings, ScanStats Stats);

/// <summary>What to scan and how.</summary>
public sealed record ScanOptions
{
    public IReadOnlyList<string> Paths { get; init; } = ["."];
    public bool History { get; init; }
    public string? BaselinePath { get; init; }
    public long MaxFileBytes { get; init; } = 10 * 1024 * 1024;
    /// <summary>Worker threads; the CLI passes one per core.</summary>
    public int Threads { get; init; } = 1;
    /// <summary>Reported paths are relative to this directory when inside it (default: the first path, or its directory).</summary>
    public string? RelativeTo { get; init; }
}

/// <summary>Bad input to a scan (missing path, bad rules or baseline file): the CLI maps it to exit 2.</summary>
public sealed class ScanInputException(string message) : Exception(message);
