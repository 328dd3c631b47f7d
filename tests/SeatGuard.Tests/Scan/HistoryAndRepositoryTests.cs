using SeatGuard.Core.Common;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>History mode and the rules that read the repository's git log.</summary>
public sealed class HistoryAndRepositoryTests
{
    [Fact]
    public void HistoryFindsATokenRemovedFromTheTreeAndNamesTheCommit()
    {
        using var repo = new GitRepo();
        repo.Write("README.md", "hello\n");
        repo.Commit("start");
        var token = FakeTokens.OAuthToken();
        repo.Write("src/app.js", $"// setup\nconst a = 1;\nconst t = '{token}';\n");
        var leak = repo.Commit("add app");
        repo.Write("src/app.js", "// setup\nconst a = 1;\nconst t = process.env.TOKEN;\n");
        repo.Commit("remove token");

        repo.Scan().Findings.ShouldBeEmpty();
        var findings = repo.Scan(history: true).Findings;
        var f = findings.ShouldHaveSingleItem();
        f.Rule.ShouldBe("claude-oauth-token");
        f.Commit.ShouldBe(leak);
        f.Path.ShouldBe("src/app.js");
        f.Line.ShouldBe(3);
        f.Column.ShouldBe(12);
        f.Secret.ShouldNotBeNull().ShouldNotContain(token[20..40]);
    }

    [Fact]
    public void HistoryReportsTheLineNumberWithinTheFileAtThatCommit()
    {
        using var repo = new GitRepo();
        repo.Write("a.txt", string.Concat(Enumerable.Range(1, 30).Select(i => $"line {i}\n")));
        repo.Commit("start");
        var lines = Enumerable.Range(1, 30).Select(i => $"line {i}").ToList();
        lines.Insert(20, "key=" + FakeTokens.ApiKey());
        repo.Write("a.txt", string.Join('\n', lines) + "\n");
        var commit = repo.Commit("add key", "Bob", "bob@example.test");
        var f = repo.Scan(history: true).Findings.Single(x => x.Commit is not null);
        (f.Rule, f.Line, f.Commit).ShouldBe(("anthropic-api-key", 21, commit));
        // The key is still in the tree too: one finding without a commit.
        repo.Scan(history: true).Findings.Count(x => x.Commit is null).ShouldBe(1);
    }

    [Fact]
    public void HistoryHonoursSeatguardAllowOnTheAddedLine()
    {
        using var repo = new GitRepo();
        repo.Write("x.py", $"T = '{FakeTokens.OAuthToken()}'  # seatguard:allow\n");
        repo.Commit("allowed");
        var report = repo.Scan(history: true);
        report.Findings.ShouldBeEmpty();
        report.Stats.Allowed.ShouldBe(2);
        report.Stats.Commits.ShouldBe(1);
    }

    [Fact]
    public void HistoryOutsideAGitRepositoryIsBadInput()
    {
        using var box = new ScanSandbox();
        box.Write("a.txt", "x");
        Should.Throw<SeatGuard.Core.Scan.ScanInputException>(() => box.Scan(history: true)).Message.ShouldContain("git repository");
    }

    [Theory]
    [InlineData("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", "workflow-oauth-own-repo", "green")]
    [InlineData("Bob", "bob@example.test", "workflow-oauth-shared-repo", "red")]
    public void OAuthWorkflowTierDependsOnHumanContributors(string secondAuthor, string secondEmail, string rule, string tier)
    {
        using var repo = new GitRepo();
        repo.Write(".github/workflows/claude.yml", LabeledCorpus.Workflow("push", ""));
        repo.Commit("ci");
        repo.Write("b.txt", "more");
        repo.Commit("second commit", secondAuthor, secondEmail);
        var f = repo.Scan().Findings.ShouldHaveSingleItem();
        (f.Rule, f.Tier.Name(), f.Line).ShouldBe((rule, tier, 10));
    }

    [Fact]
    public void ApiKeyWorkflowInASharedRepositoryIsFine()
    {
        using var repo = new GitRepo();
        repo.Write(".github/workflows/claude.yml", LabeledCorpus.Workflow("issue_comment", "", "anthropic_api_key: ${{ secrets.ANTHROPIC_API_KEY }}"));
        repo.Commit("ci");
        repo.Write("b.txt", "more");
        repo.Commit("second person", "Bob", "bob@example.test");
        repo.Scan().Findings.ShouldBeEmpty();
    }

    [Fact]
    public void OAuthTokenInAStepEnvCountsAsOAuthUse()
    {
        using var repo = new GitRepo();
        repo.Write(".github/workflows/nightly.yml", "on:\n  schedule:\n    - cron: '0 3 * * *'\njobs:\n  n:\n    runs-on: ubuntu-latest\n    steps:\n      - run: claude -p 'triage'\n        env:\n          CLAUDE_CODE_OAUTH_TOKEN: ${{ secrets.T }}\n");
        repo.Commit("nightly");
        var f = repo.Scan().Findings.ShouldHaveSingleItem();
        (f.Rule, f.Line).ShouldBe(("workflow-oauth-own-repo", 10));
    }
}
