namespace SeatGuard.TestKit;

/// <summary>Where the repository and the pinned third-party programs (installed by .ci/run) are.</summary>
public static class ToolPaths
{
    public static string RepoRoot { get; } = FindRepoRoot();

    public static string ToolsBin => Path.Combine(RepoRoot, "tests", "tools", "node_modules", ".bin");

    /// <summary>The real Claude Code CLI (pinned in tests/tools/package.json). Fails loudly when missing.</summary>
    public static string Claude => Require(Path.Combine(ToolsBin, "claude"), "Claude Code");

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
            : throw new InvalidOperationException($"{what} is not installed at {path}: run 'bash .ci/run' (or 'cd tests/tools && npm install && node node_modules/@anthropic-ai/claude-code/install.cjs') first.");

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SeatGuard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("Could not find the repository root (SeatGuard.sln) above " + AppContext.BaseDirectory);
    }
}
