namespace SeatGuard.TestKit;

/// <summary>Where the repository and the pinned third-party programs (installed by .ci/run) are.</summary>
public static class ToolPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ToolsBin => Path.Combine(RepoRoot, "tests", "tools", "node_modules", ".bin");

    /// <summary>
    /// The version of Claude Code the interop tests run: <c>SEATGUARD_CLAUDE_VERSION</c> when set (installed by
    /// tests/tools/install.sh into tests/tools/versions/&lt;version&gt;), else the one pinned in tests/tools/package.json.
    /// </summary>
    public static string ClaudeVersion { get; } = Environment.GetEnvironmentVariable("SEATGUARD_CLAUDE_VERSION") is { Length: > 0 } v ? v : PinnedClaudeVersion();

    /// <summary>The real Claude Code CLI of <see cref="ClaudeVersion"/>. Fails loudly when missing.</summary>
    public static string Claude => ClaudeVersion == PinnedClaudeVersion()
        ? Require(Path.Combine(ToolsBin, "claude"), "Claude Code")
        : Require(Path.Combine(RepoRoot, "tests", "tools", "versions", ClaudeVersion, "node_modules", ".bin", "claude"), $"Claude Code {ClaudeVersion} (SEATGUARD_CLAUDE_VERSION)");

    private static string PinnedClaudeVersion()
    {
        var package = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(RepoRoot, "tests", "tools", "package.json")));
        return package?["dependencies"]?["@anthropic-ai/claude-code"]?.GetValue<string>() ?? "unknown";
    }

    /// <summary>The real ccusage (pinned in tests/tools/package.json). Fails loudly when missing.</summary>
    public static string Ccusage => Require(Path.Combine(ToolsBin, "ccusage"), "ccusage");

    /// <summary>
    /// The NuGet global packages folder this test run itself restored from (NUGET_PACKAGES, else ~/.nuget/packages of
    /// the account running the tests). Builds that tests start in a sandbox HOME point at it (read-only, as a fallback
    /// folder, or as their cache) instead of downloading every package again.
    /// </summary>
    public static string NuGetPackages { get; } =
        Environment.GetEnvironmentVariable("NUGET_PACKAGES") is { Length: > 0 } p ? p
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".nuget", "packages");

    private static string Require(string path, string what) =>
        File.Exists(path)
            ? path
            : throw new InvalidOperationException($"{what} is not installed at {path}: run 'bash tests/tools/install.sh' (or ./test.sh, which runs it; with SEATGUARD_CLAUDE_VERSION set it installs that version) first.");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeatGuard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root (SeatGuard.sln) above " + AppContext.BaseDirectory);
    }
}
