using System.Text.Json;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// A repository written by an attacker: its <c>.git/config</c>, <c>.gitattributes</c> and hooks point every program
/// git can be told to run at a script that leaves a marker file. Scanning it (files, history, contributor counts,
/// tracked-but-ignored files) must run none of them, and must still find what is committed.
/// </summary>
public sealed class HostileRepositoryTests
{
    /// <summary>Every configuration key through which a repository can make git run a program.</summary>
    private static readonly string[] ProgramKeys =
    [
        "core.fsmonitor", "core.pager", "pager.log", "pager.ls-files", "core.editor", "sequence.editor", "core.askPass", "core.sshCommand",
        "core.gitProxy", "core.alternateRefsCommand", "diff.external", "gpg.program", "gpg.openpgp.program", "gpg.x509.program",
        "gpg.ssh.program", "gpg.ssh.defaultKeyCommand", "credential.helper", "uploadpack.packObjectsHook",
        "diff.evil.command", "diff.evil.textconv", "filter.evil.clean", "filter.evil.smudge", "filter.evil.process", "merge.evil.driver",
        "remote.origin.uploadpack", "remote.origin.receivepack",
    ];

    private sealed class Hostile : IDisposable
    {
        public GitRepo Repo { get; } = new();
        public string Markers { get; }
        public string Token { get; } = FakeTokens.OAuthToken();
        public string IgnoredToken { get; } = FakeTokens.OAuthToken();
        public string HistoryToken { get; } = FakeTokens.ApiKey();

        public Hostile()
        {
            Markers = Path.Combine(Repo.Root, ".home", "markers");
            Directory.CreateDirectory(Markers);
            var bin = Path.Combine(Repo.Root, ".home", "bin");
            Directory.CreateDirectory(bin);

            Repo.Write("README.md", "hello\n");
            Repo.Write("old.env", $"ANTHROPIC_API_KEY={HistoryToken}\n");
            Repo.Commit("first");
            Repo.Delete("old.env");
            Repo.Write("app.env", $"CLAUDE_CODE_OAUTH_TOKEN={Token}\n");
            Repo.Write(".gitattributes", "* diff=evil filter=evil merge=evil\n");
            Repo.Write(".gitignore", ".home/\nsecret.env\nbuild/\n");
            Repo.Commit("second");
            Repo.Write("secret.env", $"CLAUDE_CODE_OAUTH_TOKEN={IgnoredToken}\n");
            Repo.Write("build/keep.env", $"CLAUDE_CODE_OAUTH_TOKEN={IgnoredToken}\n");
            Repo.Git("add", "-f", "secret.env", "build/keep.env");
            Repo.Commit("force-added");
            SignedCommit();

            // Now arm the repository: every program key, hooks, a hooks path, an included config file.
            foreach (var key in ProgramKeys) Repo.Git("config", key, Script(bin, key));
            Repo.Git("config", "log.showSignature", "true");
            Repo.Git("config", "core.hooksPath", bin);
            Repo.Git("config", "remote.origin.url", "ssh://attacker.invalid/repo.git");
            Repo.Git("config", "protocol.allow", "always");
            foreach (var hook in new[] { "pre-commit", "post-checkout", "post-index-change", "reference-transaction", "fsmonitor-watchman", "pre-auto-gc", "post-rewrite" })
            {
                Script(Path.Combine(Repo.Root, ".git", "hooks"), hook);
                Script(bin, hook);
            }
            var included = Path.Combine(Repo.Root, ".home", "included.config");
            File.WriteAllText(included, $"[core]\n\tfsmonitor = {Script(bin, "included.fsmonitor")}\n[log]\n\tshowSignature = true\n");
            Repo.Git("config", "include.path", included);
        }

        /// <summary>A script that leaves a marker named after what ran it.</summary>
        private string Script(string dir, string name)
        {
            Directory.CreateDirectory(dir);
            var path = Path.Combine(dir, name);
            File.WriteAllText(path, $"#!/bin/sh\ntouch '{Markers}/{name}'\nexit 1\n");
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            return path;
        }

        /// <summary>A commit carrying a (made-up) signature, so that log.showSignature would start gpg.program.</summary>
        private void SignedCommit()
        {
            Repo.Write("signed.txt", "signed change\n");
            Repo.Git("add", "signed.txt");
            var tree = Repo.Git("write-tree").Trim();
            var parent = Repo.Git("rev-parse", "HEAD").Trim();
            var body = $"tree {tree}\nparent {parent}\nauthor Eve <eve@example.test> 1700000000 +0000\ncommitter Eve <eve@example.test> 1700000000 +0000\n" +
                       "gpgsig -----BEGIN PGP SIGNATURE-----\n \n iQEzBAABCAAdFiEEabc\n -----END PGP SIGNATURE-----\n\nsigned\n";
            var file = Path.Combine(Repo.Root, ".home", "commit.txt");
            File.WriteAllText(file, body);
            var id = Repo.Git("hash-object", "-t", "commit", "-w", file).Trim();
            Repo.Git("update-ref", "refs/heads/main", id);
        }

        public string[] Ran => Directory.EnumerateFiles(Markers).Select(Path.GetFileName).Order().ToArray()!;

        public void Dispose() => Repo.Dispose();
    }

    [Fact]
    public async Task TheFixtureIsArmed()
    {
        // Proof that the repository is hostile: a plain `git log` in it runs what it chose.
        using var h = new Hostile();
        var env = ProcessRunner.CleanEnvironment(Path.Combine(h.Repo.Root, ".home"));
        await ProcessRunner.RunAsync("git", ["log", "-p", "--all"], env, h.Repo.Root);
        await ProcessRunner.RunAsync("git", ["status"], env, h.Repo.Root);
        h.Ran.ShouldNotBeEmpty();
    }

    [Fact]
    public async Task ScanningRunsNothingTheRepositoryChoosesAndStillFindsWhatIsCommitted()
    {
        using var h = new Hostile();
        using var sandbox = new SandboxHome();
        var result = await CliHarness.RunAsync(sandbox, null, "scan", h.Repo.Root, "--history", "--json", "--fail-on", "any");
        h.Ran.ShouldBeEmpty("git ran programs the repository chose: " + string.Join(", ", h.Ran));
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        findings.ShouldContain(f => f.GetProperty("path").GetString()!.EndsWith("app.env") && f.GetProperty("commit").ValueKind == JsonValueKind.Null);
        findings.ShouldContain(f => f.GetProperty("path").GetString()!.EndsWith("secret.env"), "a force-added file that .gitignore hides is scanned");
        findings.ShouldContain(f => f.GetProperty("path").GetString()!.EndsWith("build/keep.env"), "a force-added file in an ignored directory is scanned");
        findings.ShouldContain(f => f.GetProperty("path").GetString()!.EndsWith("old.env") && f.GetProperty("commit").ValueKind == JsonValueKind.String, "the history is read");
        json.GetProperty("stats").GetProperty("trackedIgnored").GetInt64().ShouldBe(2);
        json.GetProperty("stats").GetProperty("commits").GetInt32().ShouldBeGreaterThanOrEqualTo(4);

        // The HTML report's scan and the table view go the same way.
        var html = Path.Combine(sandbox.Root, "r.html");
        (await CliHarness.RunAsync(sandbox, null, "report", "--html", html, "--scan", h.Repo.Root)).ExitCode.ShouldBe(0);
        (await CliHarness.RunAsync(sandbox, null, "scan", h.Repo.Root, "--history")).StdOut.ShouldContain("tracked by git although ignored");
        h.Ran.ShouldBeEmpty();
    }

    [Fact]
    public void ContributorCountsRunNothingTheRepositoryChooses()
    {
        using var h = new Hostile();
        h.Repo.Write(".github/workflows/review.yml",
            "on: pull_request_target\njobs:\n  r:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: anthropics/claude-code-action@v1\n        with:\n          claude_code_oauth_token: ${{ secrets.CLAUDE_CODE_OAUTH_TOKEN }}\n");
        var report = TestScanner.Create().Scan(new ScanOptions { Paths = [h.Repo.Root], RelativeTo = h.Repo.Root });
        report.Findings.ShouldNotBeEmpty();
        h.Ran.ShouldBeEmpty();
    }

    [Fact]
    public void APartialCloneIsNeverFetchedFrom()
    {
        using var h = new Hostile();
        // A missing blob in a partial clone: git would fetch it from the promisor remote (running ssh / upload-pack).
        var blob = h.Repo.Git("rev-parse", "HEAD:README.md").Trim();
        File.Delete(Path.Combine(h.Repo.Root, ".git", "objects", blob[..2], blob[2..]));
        h.Repo.Git("config", "core.repositoryformatversion", "1");
        h.Repo.Git("config", "extensions.partialClone", "origin");
        h.Repo.Git("config", "remote.origin.promisor", "true");
        TestScanner.Create().Scan(new ScanOptions { Paths = [h.Repo.Root], RelativeTo = h.Repo.Root, History = true });
        h.Ran.ShouldBeEmpty();
    }

    [RootFact]
    public async Task ARepositoryOwnedBySomeoneElseIsNotReadAndTheOutputSaysSo()
    {
        using var h = new Hostile();
        using var sandbox = new SandboxHome();
        await ChownAsync(h.Repo.Root, "nobody");
        var result = await CliHarness.RunAsync(sandbox, null, "scan", h.Repo.Root, "--history", "--json");
        h.Ran.ShouldBeEmpty();
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        var notes = json.GetProperty("notes").EnumerateArray().Select(n => n.GetString()!).ToList();
        notes.ShouldContain(n => n.Contains("owned by another user") && n.Contains("safe.directory"));
        json.GetProperty("findings").EnumerateArray().ShouldNotContain(f => f.GetProperty("commit").ValueKind == JsonValueKind.String, "git's owner rule keeps the history unread");
        result.StdErr.ShouldContain("seatguard: note: git refused to read the repository");

        // The user's own global configuration can trust it, as with git itself.
        File.WriteAllText(Path.Combine(sandbox.Home, ".gitconfig"), $"[safe]\n\tdirectory = {h.Repo.Root}\n");
        var trusted = JsonDocument.Parse((await CliHarness.RunAsync(sandbox, null, "scan", h.Repo.Root, "--history", "--json")).StdOut).RootElement;
        trusted.GetProperty("notes").GetArrayLength().ShouldBe(0);
        trusted.GetProperty("findings").EnumerateArray().ShouldContain(f => f.GetProperty("commit").ValueKind == JsonValueKind.String);
        h.Ran.ShouldBeEmpty();
    }

    private static async Task ChownAsync(string path, string user)
    {
        var result = await ProcessRunner.RunAsync("chown", ["-R", user, path], ProcessRunner.CleanEnvironment(Path.GetTempPath()), Path.GetTempPath());
        result.ExitCode.ShouldBe(0, result.ToString());
    }
}

/// <summary>A fact that needs root (to give a directory to another user); reported as skipped elsewhere, with the reason.</summary>
public sealed class RootFactAttribute : FactAttribute
{
    public RootFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root")
            Skip = "needs root (chown to another user) to build a repository owned by someone else; CI runs it as root";
    }
}
