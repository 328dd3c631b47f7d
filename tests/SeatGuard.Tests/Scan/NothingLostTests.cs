using System.Text;
using System.Text.Json;
using CsCheck;
using SeatGuard.Core.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// Nothing a scan should see is lost silently: tokens written as UTF-16, base64 or JSON escapes are decoded; files
/// with names that are not UTF-8 and paths beyond PATH_MAX are read; files not read are counted with their reason;
/// adversarial ignore files cost time linear in their input.
/// </summary>
public sealed class NothingLostTests
{
    private static ScanReport Scan(ScanSandbox box, bool verbose = false, long maxBytes = 10 * 1024 * 1024) =>
        TestScanner.Create().Scan(new ScanOptions { Paths = [box.Root], RelativeTo = box.Root, Threads = 2, ListSkipped = verbose, MaxFileBytes = maxBytes });

    private static void WriteBytes(ScanSandbox box, string name, byte[] bytes)
    {
        var full = Path.Combine(box.Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.WriteAllBytes(full, bytes);
    }

    [Theory]
    [InlineData("utf-16le-bom")]
    [InlineData("utf-16le")]
    [InlineData("utf-16be-bom")]
    public void TokensInUtf16FilesAreFound(string kind)
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        var text = $"line one\nexport CLAUDE_CODE_OAUTH_TOKEN={token}\n";
        var bytes = kind switch
        {
            "utf-16le-bom" => [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(text)],
            "utf-16le" => Encoding.Unicode.GetBytes(text),
            _ => [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(text)],
        };
        WriteBytes(box, "token.ps1", bytes);
        var f = Scan(box).Findings.ShouldHaveSingleItem();
        (f.Rule, f.Line, f.Encoding).ShouldBe(("claude-oauth-token", 2, "utf-16"));
        f.Secret.ShouldBe(Core.Common.Redactor.Redact(token));
    }

    [Theory]
    [InlineData("apiVersion: v1\nkind: Secret\ndata:\n  token: {0}\n", false)]
    [InlineData("{{\"auths\":{{\"x\":{{\"auth\":\"{0}\"}}}}}}", false)]
    [InlineData("TOKEN_B64={0}\n", true)]
    [InlineData("value: x{0}\n", false)]
    public void Base64EncodedTokensAreFound(string template, bool urlSafe)
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.ApiKey();
        var encoded = Convert.ToBase64String(Encoding.UTF8.GetBytes("key=" + token));
        if (urlSafe) encoded = encoded.Replace('+', '-').Replace('/', '_').TrimEnd('=');
        box.Write("secret.yaml", "# deployment\n" + string.Format(System.Globalization.CultureInfo.InvariantCulture, template, encoded));
        var f = Scan(box).Findings.ShouldHaveSingleItem();
        (f.Rule, f.Encoding).ShouldBe(("anthropic-api-key", "base64"));
        f.Secret.ShouldBe(Core.Common.Redactor.Redact(token));
        f.Line.ShouldBeGreaterThan(1);
    }

    [Fact]
    public void JsonEscapedTokensAreFound()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        var escaped = string.Concat(token.Select(c => c is 's' or 'k' or '-' ? $"\\u{(int)c:x4}" : c.ToString()));
        box.Write("bundle.js", $"var a = 1;\nvar t = \"{escaped}\";\n");
        var f = Scan(box).Findings.ShouldHaveSingleItem();
        (f.Rule, f.Line, f.Encoding).ShouldBe(("claude-oauth-token", 2, "json-escape"));
    }

    [Fact]
    public void APlainTokenIsReportedOnceEvenWhenItIsAlsoEncoded()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        box.Write("both.env", $"A={token}\nB={Convert.ToBase64String(Encoding.UTF8.GetBytes(token))}\n");
        Scan(box).Findings.ShouldHaveSingleItem().Encoding.ShouldBeNull();
    }

    [LinuxFact]
    public void FilesAndDirectoriesWhoseNamesAreNotUtf8AreRead()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        // Names with the byte 0xE9 (Latin-1 é): not UTF-8, so .NET's text for them cannot be opened.
        var shell = $"cd '{box.Root}' && printf 'T={token}\\n' > \"$(printf 'caf\\351.env')\" && mkdir \"$(printf 'd\\351p')\" && printf 'T={token}\\n' > \"$(printf 'd\\351p/in.env')\"";
        Sh(shell);
        var report = Scan(box);
        report.Findings.Select(f => f.Path).Order().ShouldBe(["caf\\xE9.env", "d\\xE9p/in.env"]);
    }

    [LinuxFact]
    public void FilesBeyondPathMaxAreRead()
    {
        using var box = new ScanSandbox();
        var token = FakeTokens.OAuthToken();
        var segment = new string('d', 200);
        // 30 levels of 200 characters: past PATH_MAX (4096), built one directory at a time.
        Sh($"cd '{box.Root}' && for i in $(seq 30); do mkdir {segment} && cd {segment}; done && printf 'T={token}\\n' > deep.env");
        var f = Scan(box).Findings.ShouldHaveSingleItem();
        f.Path.Length.ShouldBeGreaterThan(6000);
        f.Path.ShouldEndWith("/deep.env");
    }

    [LinuxFact]
    public void FilesNotReadAreCountedAndListed()
    {
        using var box = new ScanSandbox();
        box.Write("big.txt", new string('x', 5000));
        WriteBytes(box, "image.png", [0x89, 0x50, 0x4E, 0x47, 0, 0, 0, 0x0D, 1, 2, 3]);
        Sh($"cd '{box.Root}' && mkfifo pipe.env && ln -s /dev/zero zero.env && ln -s /dev/urandom random.env");
        box.Write("ok.txt", "fine");
        var report = Scan(box, verbose: true, maxBytes: 1024);
        report.Stats.Skipped.ShouldBe(new ScanSkipped(TooLarge: 1, Binary: 1, Unreadable: 0, NotRegular: 3));
        report.SkippedFiles.Select(s => s.Path).ShouldBe(["big.txt", "image.png", "pipe.env", "random.env", "zero.env"]);
        report.SkippedFiles.Single(s => s.Path == "pipe.env").Reason.ShouldBe("not a regular file: a FIFO");
        report.Stats.Files.ShouldBe(1);
    }

    [Fact]
    public async Task TheCommandLineCountsAndListsWhatWasNotRead()
    {
        using var box = new ScanSandbox();
        using var sandbox = new SandboxHome();
        box.Write("big.txt", new string('x', 5000));
        var table = await CliHarness.RunAsync(sandbox, null, "scan", box.Root, "--max-filesize", "1024");
        table.StdOut.ShouldContain("not read: 1 too large (--verbose lists them)");
        var verbose = await CliHarness.RunAsync(sandbox, null, "scan", box.Root, "--max-filesize", "1024", "--verbose");
        verbose.StdOut.ShouldContain("not read:");
        verbose.StdOut.ShouldContain("big.txt");
        var json = JsonDocument.Parse((await CliHarness.RunAsync(sandbox, null, "scan", box.Root, "--max-filesize", "1024", "--verbose", "--json")).StdOut).RootElement;
        json.GetProperty("stats").GetProperty("skipped").GetProperty("tooLarge").GetInt64().ShouldBe(1);
        json.GetProperty("skippedFiles")[0].GetProperty("reason").GetString()!.ShouldStartWith("too large");
    }

    [Fact]
    public async Task AdversarialIgnorePatternsCostLinearTime()
    {
        // *a*a*…*b against a long run of a's is exponential for a backtracking matcher (minutes); here it is instant.
        using var box = new ScanSandbox();
        box.Write(".gitignore", "*a*a*a*a*a*a*a*a*a*a*a*a*a*b\n**/*a*a*a*a*a*a*a*a*a*b/**\n");
        box.Write(new string('a', 200) + ".txt", FakeTokens.OAuthToken());
        var report = await Task.Run(() => Scan(box)).WaitAsync(TimeSpan.FromSeconds(60));
        report.Findings.Count.ShouldBe(1);
    }

    [Fact]
    public async Task AnIgnoreFileWithTwentyThousandRulesIsFast()
    {
        using var box = new ScanSandbox();
        var rules = new StringBuilder();
        for (int i = 0; i < 20_000; i++) rules.Append((i % 4) switch { 0 => $"file{i}.txt", 1 => $"*.ext{i}", 2 => $"/dir{i}/", _ => $"gen{i}*.js" }).Append('\n');
        box.Write(".gitignore", rules.ToString());
        for (int i = 0; i < 200; i++) box.Write($"src/m{i % 10}/file{i}.txt", "x");
        box.Write("src/kept.txt", FakeTokens.OAuthToken());
        var report = await Task.Run(() => Scan(box)).WaitAsync(TimeSpan.FromSeconds(60));
        report.Findings.ShouldHaveSingleItem().Path.ShouldBe("src/kept.txt");
        report.Stats.Files.ShouldBe(1 + 1 + 200 - 50); // .gitignore, kept.txt and the files not ignored by name (file0, file4, …)
    }

    [Fact]
    public void IgnoreMatchingAgreesWithGit()
    {
        // Property: for random .gitignore files over a fixed tree, the files the walker keeps are exactly those git lists.
        var names = new[] { "a.txt", "b.log", "x/a.txt", "x/y/b.log", "x/y/z.md", "build/out.js", "build/keep.js", "doc/a.md", "ab", "[x].txt", "x/ab/c.txt" };
        var piece = Gen.OneOf("*", "**/", "/**", "**", "a**", "**b", "x**", "b**/", "?", "a", "b", ".txt", ".log", "x/", "y", "build", "[ab]", "[!a]", "/", "z*", "*.md", "ab");
        var line = Gen.Select(Gen.Bool, Gen.Bool, piece.Array[1, 4], (negate, dirOnly, parts) => (negate ? "!" : "") + string.Concat(parts) + (dirOnly ? "/" : ""));
        // "**" glued to other characters ("a**/b", "x**") is in: git compares the literal text before a path pattern's
        // first wildcard on its own, so a "**" right after it counts as leading (bench: 3,000 random files agreed).
        line.Array[1, 6].Sample(lines =>
        {
            using var repo = new GitRepo();
            foreach (var n in names) repo.Write(n, "content");
            File.WriteAllText(Path.Combine(repo.Root, ".gitignore"), ".home/\n" + string.Join("\n", lines) + "\n");
            var git = repo.Git("ls-files", "--others", "--exclude-standard", "-z").Split('\0', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal).ToArray();
            var walked = new List<string>();
            TreeWalker.Walk(repo.Root, f => { lock (walked) walked.Add(Path.GetRelativePath(repo.Root, f)); }, 1);
            walked.Order(StringComparer.Ordinal).ToArray().ShouldBe(git, "patterns:\n" + string.Join("\n", lines));
        }, seed: "0000000030Y1", iter: 150, threads: 1);
    }

    private static void Sh(string script)
    {
        var result = Task.Run(() => ProcessRunner.RunAsync("bash", ["-c", script], ProcessRunner.CleanEnvironment(Path.GetTempPath()), Path.GetTempPath())).GetAwaiter().GetResult();
        result.ExitCode.ShouldBe(0, result.ToString());
    }

    [Fact]
    public void ARepositorySettingsFileWithLoneSurrogateNamesIsStillScanned()
    {
        using var box = new ScanSandbox();
        box.Write(".claude/settings.json", "{\"\\udc00\": 1, \"env\": {\"\\ud800\": \"x\", \"ANTHROPIC_BASE_URL\": \"https://relay.example\"}}");
        var report = Scan(box);
        report.Findings.Select(f => f.Rule).ShouldContain("project-settings-switch-billing");
    }
}

/// <summary>A fact for Linux behaviour (raw file names, FIFOs, PATH_MAX); reported as skipped elsewhere.</summary>
public sealed class LinuxFactAttribute : FactAttribute
{
    public LinuxFactAttribute()
    {
        if (!OperatingSystem.IsLinux()) Skip = "Linux file-system behaviour (names as bytes, FIFOs, PATH_MAX); CI runs on Linux";
    }
}
