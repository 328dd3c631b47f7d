using SeatGuard.Core.Common;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>--staged (the pre-commit hook), confidence by context, and contributors from the repository that tracks a file.</summary>
public sealed class StagedAndConfidenceTests
{
    private static ScanReport Staged(GitRepo repo) =>
        TestScanner.Create().Scan(new ScanOptions { Paths = [repo.Root], RelativeTo = repo.Root, Staged = true });

    [Fact]
    public void StagedScansTheIndexVersionOfStagedFilesOnly()
    {
        using var repo = new GitRepo();
        repo.Write("old.py", $"T = '{FakeTokens.OAuthToken()}'\n");
        repo.Commit("old leak, already committed");
        repo.Write("new.py", $"K = '{FakeTokens.ApiKey()}'\n");
        repo.Git("add", "new.py");
        // Changed in the working tree after staging: the staged (clean) version is what the commit will contain.
        repo.Write("clean.py", "x = 1\n");
        repo.Git("add", "clean.py");
        repo.Write("clean.py", $"x = '{FakeTokens.OAuthToken()}'\n");
        repo.Write("untracked.py", $"U = '{FakeTokens.OAuthToken()}'\n");

        var report = Staged(repo);
        report.Findings.Select(f => (f.Rule, f.Path, f.Line)).ShouldBe([("anthropic-api-key", "new.py", 1)]);
        report.Stats.Files.ShouldBe(2);
    }

    [Fact]
    public void StagedSeesAStagedWorkflowAsTrackedByItsRepository()
    {
        using var repo = new GitRepo();
        repo.Write("README.md", "x\n");
        repo.Commit("one", "Ada", "ada@example.test");
        repo.Write("README.md", "y\n");
        repo.Commit("two", "Bob", "bob@example.test");
        repo.Write(".github/workflows/c.yml", "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n");
        repo.Git("add", "-A");
        Staged(repo).Findings.Select(f => f.Rule).ShouldBe(["workflow-oauth-shared-repo"]);
    }

    [Fact]
    public void StagedOutsideAGitRepositoryIsBadInput()
    {
        using var box = new ScanSandbox();
        Should.Throw<ScanInputException>(() => TestScanner.Create().Scan(new ScanOptions { Paths = [box.Root], Staged = true })).Message.ShouldContain("--staged needs a git repository");
    }

    [Fact]
    public void ContributorsComeFromTheRepositoryThatTracksTheFile()
    {
        // A downloaded copy of someone's project inside a shared repository, ignored by it: the outer
        // repository's authors must not make its workflow "shared".
        using var repo = new GitRepo();
        repo.Write(".gitignore", ".home/\nvendor/\n");
        repo.Write("README.md", "x\n");
        repo.Commit("one", "Ada", "ada@example.test");
        repo.Write("README.md", "y\n");
        repo.Commit("two", "Bob", "bob@example.test");
        var workflow = "on: push\njobs:\n  c:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n";
        repo.Write("vendor/someone/.github/workflows/c.yml", workflow);
        var vendored = TestScanner.Create().Scan(new ScanOptions { Paths = [Path.Combine(repo.Root, "vendor", "someone")], RelativeTo = repo.Root });
        vendored.Findings.Select(f => f.Rule).ShouldNotContain("workflow-oauth-shared-repo");
        // The same workflow tracked by the shared repository is shared.
        repo.Write(".github/workflows/c.yml", workflow);
        repo.Commit("add workflow", "Ada", "ada@example.test");
        repo.Scan().Findings.Where(f => f.Path == ".github/workflows/c.yml").Select(f => f.Rule).ShouldBe(["workflow-oauth-shared-repo"]);
    }

    [Theory]
    [InlineData("tools/read.py", "code", "high")]
    [InlineData("tests/test_read.py", "test", "low")]
    [InlineData("docs/examples/read.py", "docs", "low")]
    [InlineData("examples/read.py", "example", "low")]
    [InlineData("pkg/detectors/claude/read.py", "scanner-rules", "low")]
    public void ConfidenceFollowsThePath(string path, string context, string confidence)
    {
        using var box = new ScanSandbox();
        box.Write(path, "import json, os\ncreds = json.load(open(os.path.expanduser('~/.claude/.credentials.json')))\n");
        var f = box.Scan().Findings.ShouldHaveSingleItem();
        (f.Rule, f.Context, f.Confidence).ShouldBe(("reads-claude-credentials", context, confidence));
    }

    [Fact]
    public void AMatchInACommentIsLowConfidenceAndDoesNotFail()
    {
        using var box = new ScanSandbox();
        box.Write("src/proxy.ts", "// we used to send 'user-agent': 'claude-cli/1.0 (external, cli)' here\nexport const ua = 'acme/1.0';\n");
        var report = box.Scan();
        var f = report.Findings.ShouldHaveSingleItem();
        (f.Rule, f.Context, f.IsHighConfidence).ShouldBe(("claude-code-impersonation", "comment", false));
        Scanner.Fails(report, Tier.Green).ShouldBeFalse();
    }

    [Fact]
    public void ATokenCountsWhereverItIs()
    {
        using var box = new ScanSandbox();
        box.Write("tests/fixtures/creds.json", $"{{\"t\": \"{FakeTokens.OAuthToken()}\"}}\n");
        var f = box.Scan().Findings.ShouldHaveSingleItem();
        (f.Rule, f.Context, f.Confidence).ShouldBe(("claude-oauth-token", "test", "high"));
    }

    [Theory]
    [InlineData("tools/x.py", "x = 1  # don't cp ~/.claude/.credentials.json", 9, true)]
    [InlineData("tools/x.py", "url = 'http://example.com/#/.credentials.json'", 10, false)]
    [InlineData("src/x.ts", "const u = 'https://a/b'; // .credentials.json", 30, true)]
    [InlineData("src/x.go", "s := \"a // b\" + \".credentials.json\"", 20, false)]
    public void CommentDetectionIgnoresMarkersInsideStringsAndUrls(string path, string line, int column, bool inComment)
    {
        FindingContext.InComment(path, line, column).ShouldBe(inComment);
    }
}
