using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

public sealed class WalkerAndSuppressionTests
{
    [Fact]
    public void GitignoreIsRespectedAtEveryLevel()
    {
        using var box = new ScanSandbox();
        box.Write(".gitignore", "secrets/\n*.log\n");
        box.Write("sub/.gitignore", "local.txt\n!keep.log\n");
        box.Write("secrets/a.txt", FakeTokens.OAuthToken());
        box.Write("x.log", FakeTokens.OAuthToken());
        box.Write("sub/local.txt", FakeTokens.OAuthToken());
        box.Write("sub/found.txt", FakeTokens.OAuthToken());
        box.Write("found.txt", FakeTokens.OAuthToken());
        box.Scan().Findings.Select(f => f.Path).Order().ShouldBe(["found.txt", "sub/found.txt"]);
    }

    [Fact]
    public void ParentGitignoreUpToTheRepositoryRootCounts()
    {
        using var box = new ScanSandbox();
        Directory.CreateDirectory(Path.Combine(box.Root, ".git"));
        box.Write(".gitignore", "generated/\n");
        box.Write("app/generated/t.txt", FakeTokens.OAuthToken());
        box.Write("app/t.txt", FakeTokens.OAuthToken());
        var report = TestScanner.Create(RuleBook.Load()).Scan(new ScanOptions { Paths = [Path.Combine(box.Root, "app")], RelativeTo = box.Root });
        report.Findings.Select(f => f.Path).ShouldBe(["app/t.txt"]);
    }

    [Fact]
    public void SkipsDotGitBinariesAndHugeFiles()
    {
        using var box = new ScanSandbox();
        box.Write(".git/config.txt", FakeTokens.OAuthToken());
        box.Write("bin.dat", "\0\u0001" + FakeTokens.OAuthToken());
        box.Write("huge.txt", FakeTokens.OAuthToken() + "\n" + new string('z', 2048));
        box.Write("small.txt", FakeTokens.OAuthToken());
        var report = TestScanner.Create(RuleBook.Load()).Scan(new ScanOptions { Paths = [box.Root], RelativeTo = box.Root, MaxFileBytes = 1024 });
        report.Findings.Select(f => f.Path).ShouldBe(["small.txt"]);
        report.Stats.Files.ShouldBe(1);
    }

    [Fact]
    public void ReadsFilesLargerThanTheInitialBufferToTheEnd()
    {
        using var box = new ScanSandbox();
        var filler = string.Concat(Enumerable.Repeat("const a = 1; // filler line for a large file\n", 20_000));
        box.Write("big.js", filler + $"const t = '{FakeTokens.OAuthToken()}';\n");
        var f = box.Scan().Findings.ShouldHaveSingleItem();
        (f.Path, f.Line).ShouldBe(("big.js", 20_001));
    }

    [Fact]
    public void ScansManyFilesOnSeveralThreadsWithoutLosingAny()
    {
        using var box = new ScanSandbox();
        for (int d = 0; d < 20; d++)
        {
            for (int f = 0; f < 25; f++) box.Write($"d{d}/e{f % 3}/f{f}.txt", f == 7 ? FakeTokens.ApiKey() : "nothing here " + f);
        }
        var report = TestScanner.Create(RuleBook.Load()).Scan(new ScanOptions { Paths = [box.Root], RelativeTo = box.Root, Threads = 4 });
        report.Stats.Files.ShouldBe(500);
        report.Findings.Count.ShouldBe(20);
    }

    [Fact]
    public void SeatguardAllowSkipsOnlyThatLine()
    {
        using var box = new ScanSandbox();
        box.Write("a.py", $"A = '{FakeTokens.OAuthToken()}'  # seatguard:allow\nB = '{FakeTokens.OAuthToken()}'\n");
        var report = box.Scan();
        report.Findings.ShouldHaveSingleItem().Line.ShouldBe(2);
        report.Stats.Allowed.ShouldBe(1);
    }

    [Fact]
    public void BaselineHidesKnownFindingsButNotNewOnes()
    {
        using var box = new ScanSandbox();
        box.Write("a.txt", FakeTokens.OAuthToken());
        var first = box.Scan();
        var baseline = Path.Combine(box.Root, "..", Path.GetFileName(box.Root) + "-baseline.json");
        try
        {
            Baseline.Write(baseline, first.Findings);
            box.Scan(baseline: baseline).Findings.ShouldBeEmpty();
            // Moving the known token to another line keeps it known (fingerprint has no line number).
            box.Write("a.txt", "\n\n" + File.ReadAllText(Path.Combine(box.Root, "a.txt")));
            var moved = box.Scan(baseline: baseline);
            moved.Findings.ShouldBeEmpty();
            moved.Stats.Baselined.ShouldBe(1);
            box.Write("b.txt", FakeTokens.OAuthToken());
            box.Scan(baseline: baseline).Findings.ShouldHaveSingleItem().Path.ShouldBe("b.txt");
        }
        finally
        {
            File.Delete(baseline);
        }
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{\"findings\": 3}")]
    [InlineData("{\"findings\": [{\"rule\": \"x\"}]}")]
    public void BadBaselineIsBadInput(string content)
    {
        using var box = new ScanSandbox();
        var path = box.Write("baseline.json", content);
        Should.Throw<ScanInputException>(() => box.Scan(baseline: path)).Message.ShouldContain(path);
    }

    [Fact]
    public void MissingPathIsBadInput()
    {
        Should.Throw<ScanInputException>(() => TestScanner.Create(RuleBook.Load()).Scan(new ScanOptions { Paths = ["/nonexistent/dir"] }))
            .Message.ShouldContain("path not found");
    }

    [Theory]
    [InlineData(95)]
    [InlineData(80)]
    [InlineData(120)]
    public void TokenShapeAcceptsRandomBodiesInRange(int length)
    {
        TokenDetector.Accept(FakeTokens.Body(length), 80, 120, "").ShouldBeTrue();
    }

    [Fact]
    public void EntropyOfRandomBodyIsHighAndOfRepeatsLow()
    {
        TokenDetector.ShannonEntropy(FakeTokens.Body(95)).ShouldBeGreaterThan(4.5);
        TokenDetector.ShannonEntropy(new string('q', 95)).ShouldBe(0);
    }
}
