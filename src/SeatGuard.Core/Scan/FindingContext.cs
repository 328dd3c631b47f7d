namespace SeatGuard.Core.Scan;

/// <summary>
/// Where a match sits, which decides how sure a finding is: in code or configuration (<c>code</c>), or in
/// a comment, a test or fixture, documentation, an example or template meant to be copied, or another
/// scanner's rules (<c>comment</c>, <c>test</c>, <c>docs</c>, <c>example</c>, <c>scanner-rules</c>). Matches
/// outside code are reported with confidence <c>low</c>: they are listed apart, and do not fail a scan.
/// Decided from the path (segments and file names) and, for comments, from the line up to the match.
/// </summary>
public static class FindingContext
{
    public const string Code = "code";
    public const string Comment = "comment";
    public const string Test = "test";
    public const string Docs = "docs";
    public const string Example = "example";
    public const string ScannerRules = "scanner-rules";

    public const string High = "high";
    public const string Low = "low";

    private static readonly HashSet<string> TestDirs = new(StringComparer.OrdinalIgnoreCase)
    {
        "test", "tests", "__tests__", "testdata", "test-data", "test_data", "fixtures", "fixture", "__fixtures__",
        "spec", "specs", "__mocks__", "mocks", "e2e", "testing",
    };
    private static readonly HashSet<string> DocDirs = new(StringComparer.OrdinalIgnoreCase) { "docs", "doc", "documentation", "wiki" };
    private static readonly HashSet<string> ExampleDirs = new(StringComparer.OrdinalIgnoreCase) { "examples", "example", "samples", "sample", "demo", "demos" };
    private static readonly HashSet<string> ScannerDirs = new(StringComparer.OrdinalIgnoreCase) { "detectors", "detector", "rules", "signatures", "checks" };
    private static readonly string[] DocExtensions = [".md", ".mdx", ".markdown", ".rst", ".adoc", ".txt", ".html", ".ipynb"];
    private static readonly string[] ExampleSuffixes = [".example", ".sample", ".dist", ".template", ".tpl.example"];

    /// <summary>The context of a file from its path alone ('/'-separated, relative or absolute).</summary>
    public static string OfPath(string path)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length == 0) return Code;
        string name = segments[^1];
        string lower = name.ToLowerInvariant();
        for (int i = 0; i < segments.Length - 1; i++)
        {
            var s = segments[i];
            if (TestDirs.Contains(s) || s.EndsWith(".Tests", StringComparison.OrdinalIgnoreCase) || s.EndsWith(".Test", StringComparison.OrdinalIgnoreCase)) return Test;
        }
        if (IsTestFileName(name)) return Test;
        if (IsScannerRulesFile(lower, segments)) return ScannerRules;
        if (DocExtensions.Any(e => lower.EndsWith(e, StringComparison.Ordinal))) return Docs;
        if (ExampleSuffixes.Any(e => lower.EndsWith(e, StringComparison.Ordinal))) return Example;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            if (DocDirs.Contains(segments[i])) return Docs;
            if (ExampleDirs.Contains(segments[i])) return Example;
        }
        return Code;
    }

    private static bool IsTestFileName(string name)
    {
        var lower = name.ToLowerInvariant();
        return lower.StartsWith("test_", StringComparison.Ordinal) && lower.EndsWith(".py", StringComparison.Ordinal)
               || lower == "conftest.py"
               || lower.EndsWith("_test.go", StringComparison.Ordinal) || lower.EndsWith("_test.py", StringComparison.Ordinal) || lower.EndsWith("_spec.rb", StringComparison.Ordinal)
               || lower.Contains(".test.", StringComparison.Ordinal) || lower.Contains(".spec.", StringComparison.Ordinal)
               || name.EndsWith("Tests.cs", StringComparison.Ordinal) || name.EndsWith("Test.cs", StringComparison.Ordinal)
               || name.EndsWith("Test.java", StringComparison.Ordinal) || name.EndsWith("Tests.java", StringComparison.Ordinal) || name.EndsWith("Test.kt", StringComparison.Ordinal);
    }

    private static bool IsScannerRulesFile(string lower, string[] segments)
    {
        if (lower.Contains("gitleaks", StringComparison.Ordinal) || lower.StartsWith(".secretlintrc", StringComparison.Ordinal) || lower.Contains("semgrep", StringComparison.Ordinal)
            || lower.Contains("trufflehog", StringComparison.Ordinal) || lower.StartsWith("custom_detectors", StringComparison.Ordinal) || lower.Contains("detect-secrets", StringComparison.Ordinal)
            || lower.StartsWith(".secrets.baseline", StringComparison.Ordinal))
            return true;
        // rules.yaml, *-rules.toml, claude.rules.json, MyDetector.cs, detector.go …
        bool ruleName = lower.Contains("rules", StringComparison.Ordinal) && (lower.EndsWith(".yaml", StringComparison.Ordinal) || lower.EndsWith(".yml", StringComparison.Ordinal) || lower.EndsWith(".toml", StringComparison.Ordinal) || lower.EndsWith(".json", StringComparison.Ordinal));
        if (ruleName || lower.Contains("detector", StringComparison.Ordinal)) return true;
        for (int i = 0; i < segments.Length - 1; i++)
        {
            var s = segments[i];
            if (ScannerDirs.Contains(s) || s.StartsWith("secretlint-rule", StringComparison.OrdinalIgnoreCase) || s.StartsWith("rule-", StringComparison.OrdinalIgnoreCase)
                || s.Contains("gitleaks", StringComparison.OrdinalIgnoreCase) || s.Contains("trufflehog", StringComparison.OrdinalIgnoreCase))
                return true;
        }
        return false;
    }

    /// <summary>The context of one match: the path's, or <c>comment</c> when the line comments out the text before the match.</summary>
    public static string Of(string path, ReadOnlySpan<char> line, int column)
    {
        var byPath = OfPath(path);
        if (byPath != Code) return byPath;
        return InComment(path, line, Math.Clamp(column, 0, line.Length)) ? Comment : Code;
    }

    public static string ConfidenceOf(string context, bool anyContext) => anyContext || context == Code ? High : Low;

    /// <summary>True when a comment starts on the line before <paramref name="column"/> (outside quotes).</summary>
    public static bool InComment(string path, ReadOnlySpan<char> line, int column)
    {
        var (hash, slash, dash) = Syntax(path);
        var trimmed = line.TrimStart();
        if (slash && (trimmed.StartsWith("*") || trimmed.StartsWith("/*"))) return true;
        if (trimmed.StartsWith("<!--")) return true;
        char quote = '\0';
        for (int i = 0; i < column && i < line.Length; i++)
        {
            char c = line[i];
            if (quote != '\0')
            {
                if (c == '\\') i++;
                else if (c == quote) quote = '\0';
                continue;
            }
            if (c is '"' or '\'' or '`')
            {
                quote = c;
                continue;
            }
            if (hash && c == '#' && (i == 0 || line[i - 1] is ' ' or '\t')) return true;
            if (slash && c == '/' && i + 1 < line.Length && line[i + 1] is '/' or '*' && (i == 0 || line[i - 1] != ':')) return true;
            if (dash && c == '-' && i + 1 < line.Length && line[i + 1] == '-' && (i == 0 || line[i - 1] is ' ' or '\t')) return true;
        }
        return false;
    }

    private static (bool Hash, bool Slash, bool Dash) Syntax(string path)
    {
        int slashAt = path.LastIndexOf('/');
        var name = path[(slashAt + 1)..].ToLowerInvariant();
        int dot = name.LastIndexOf('.');
        var ext = dot <= 0 ? "" : name[dot..];
        return ext switch
        {
            ".js" or ".mjs" or ".cjs" or ".ts" or ".mts" or ".cts" or ".tsx" or ".jsx" or ".go" or ".cs" or ".java" or ".kt" or ".kts" or ".swift"
                or ".rs" or ".c" or ".h" or ".cpp" or ".cc" or ".scala" or ".dart" or ".bicep" or ".jsonc" or ".json5" or ".groovy" or ".gradle" => (false, true, false),
            ".php" or ".tf" or ".hcl" => (true, true, false),
            ".sql" or ".lua" or ".hs" => (false, false, true),
            ".json" => (false, false, false),
            _ => (true, false, false), // shell, Python, Ruby, YAML, TOML, Dockerfile, Makefile, .env, units, extensionless scripts
        };
    }
}
