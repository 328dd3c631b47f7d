using SeatGuard.Core.Common;
using SeatGuard.Tests.Scan;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Security;

/// <summary>
/// What a hostile repository or machine can put in SeatGuard's way: escape sequences in file names and settings
/// values, files that are FIFOs or devices where settings and credentials should be, and output paths that cannot
/// be written. None of it reaches the terminal raw, blocks, crashes, or loses data silently.
/// </summary>
public sealed class HostileEnvironmentTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(90);

    /// <summary>Control characters a terminal acts on: ESC (colours, cursor, OSC titles and links), BEL, CSI (C1), and bidi overrides.</summary>
    private static void ShouldBeInert(string output, string what)
    {
        foreach (var c in new[] { '\u001b', '\u0007', '\u009b', '\u009d', '\u202e', '\u2066' })
            output.ShouldNotContain(c.ToString(), Case.Sensitive, $"{what} carries U+{(int)c:X4} raw");
    }

    [LinuxFact]
    public async Task EscapeSequencesInFileNamesNeverReachTheTerminal()
    {
        using var box = new ScanSandbox();
        using var sandbox = new SandboxHome();
        var name = "evil\u001b]0;pwned\u0007\u001b[31m\u202e.env";
        box.Write(name, "export CLAUDE_CODE_OAUTH_TOKEN=" + FakeTokens.OAuthToken() + "\n");
        foreach (var args in new[] { new[] { "scan", box.Root }, ["scan", box.Root, "--json"], ["scan", box.Root, "--format", "sarif"], ["scan", box.Root, "--verbose"] })
        {
            var r = await CliHarness.RunAsync(sandbox, null, args).WaitAsync(Bound);
            r.ExitCode.ShouldBe(1, r.ToString());
            ShouldBeInert(r.StdOut + r.StdErr, string.Join(' ', args));
            r.StdOut.ShouldContain("evil");
        }
    }

    [Fact]
    public async Task EscapeSequencesInSettingsValuesNeverReachTheTerminal()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteProjectSettings(new Dictionary<string, object>
        {
            ["env"] = new Dictionary<string, string> { ["ANTHROPIC_BASE_URL"] = "https://gw.example/\u001b]8;;https://evil.example\u0007v1\u001b[2J", ["ANTHROPIC_MODEL"] = "m\u001b[8m\u009b31m" },
            ["apiKeyHelper"] = "echo \u001b[31mkey",
        });
        foreach (var args in new[] { new[] { "doctor" }, ["doctor", "--json"], ["run", "--dry-run", "--", "-p", "hi"], ["statusline"] })
        {
            var r = await CliHarness.RunWithInputAsync(sandbox, null, "{\"workspace\":{\"current_dir\":\"" + sandbox.Project.Replace("\\", "\\\\") + "\"}}", args).WaitAsync(Bound);
            ShouldBeInert(r.StdOut + r.StdErr, string.Join(' ', args));
        }
    }

    [LinuxFact]
    public async Task FifosAndDevicesWhereSettingsAndCredentialsShouldBeNeverBlock()
    {
        using var sandbox = new SandboxHome();
        Directory.CreateDirectory(sandbox.ClaudeDir);
        Directory.CreateDirectory(Path.GetDirectoryName(sandbox.ProjectSettingsPath)!);
        Mkfifo(sandbox.UserSettingsPath);
        Mkfifo(sandbox.CredentialsPath);
        File.CreateSymbolicLink(sandbox.ProjectSettingsPath, "/dev/zero");
        File.CreateSymbolicLink(sandbox.LocalSettingsPath, "/dev/urandom");
        File.CreateSymbolicLink(Path.Combine(sandbox.Home, ".claude.json"), "/dev/zero");
        // A symbolic-link loop where a config file is expected.
        File.CreateSymbolicLink(Path.Combine(sandbox.Root, "loop-a"), Path.Combine(sandbox.Root, "loop-b"));
        File.CreateSymbolicLink(Path.Combine(sandbox.Root, "loop-b"), Path.Combine(sandbox.Root, "loop-a"));

        var doctor = await CliHarness.RunAsync(sandbox, null, "doctor").WaitAsync(Bound);
        doctor.ExitCode.ShouldBeOneOf([0, 1], doctor.ToString());
        doctor.StdOut.ShouldContain("not a regular file");

        var status = await CliHarness.RunWithInputAsync(sandbox, null, "{}", "statusline").WaitAsync(Bound);
        status.ExitCode.ShouldBe(0, status.ToString());
        status.StdOut.Trim().ShouldNotBeEmpty("the status bar still gets its line");

        var looped = await CliHarness.RunAsync(sandbox, null, "scan", "--rules", Path.Combine(sandbox.Root, "loop-a"), sandbox.Project).WaitAsync(Bound);
        looped.ExitCode.ShouldBe(2, looped.ToString());
        looped.StdErr.ShouldNotContain("   at ");
    }

    [LinuxFact]
    public async Task AnOutputThatIsNotARegularFileIsNeverReplaced()
    {
        using var sandbox = new SandboxHome();
        var fifo = Path.Combine(sandbox.Root, "baseline.json");
        Mkfifo(fifo);
        var r = await CliHarness.RunAsync(sandbox, null, "scan", sandbox.Project, "--write-baseline", fifo).WaitAsync(Bound);
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain("not a regular file");
        var still = ProcessRunner.RunAsync("test", ["-p", fifo], ProcessRunner.CleanEnvironment(Path.GetTempPath()), Path.GetTempPath()).GetAwaiter().GetResult();
        still.ExitCode.ShouldBe(0, "the FIFO is still a FIFO");
        Directory.EnumerateFiles(sandbox.Root, "*.tmp").ShouldBeEmpty("no temporary file is left behind");
    }

    [LinuxFact]
    public async Task AnOutputThatCannotBeCreatedFailsWithAPlainMessage()
    {
        using var sandbox = new SandboxHome();
        // /proc accepts no new files: the write fails the way a read-only or full file system does.
        var r = await CliHarness.RunAsync(sandbox, null, "report", "--html", "/proc/seatguard-" + Guid.NewGuid().ToString("N") + ".html").WaitAsync(Bound);
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldStartWith("seatguard: cannot write /proc/");
        r.StdErr.ShouldNotMatch(@"[A-Z][a-z]+_[A-Z][A-Za-z]+_"); // no stripped .NET resource names
        r.StdErr.ShouldNotContain("   at ");
    }

    /// <summary>Files that once crashed SeatGuard with a stack trace (exit 134).</summary>
    [Theory]
    [InlineData("config", "[]")]
    [InlineData("config", "null")]
    [InlineData("config", "\"a string\"")]
    [InlineData("credentials", "null")]
    [InlineData("credentials", "[1,2]")]
    [InlineData("settings", "{\"env\":{\"A\":\"1\"},\"env\":{\"ANTHROPIC_MODEL\":\"x\"}}")]
    [InlineData("settings", "{\"env\":{\"ANTHROPIC_MODEL\":\"\\ud800\"}}")]
    [InlineData("globalState", "{\"oauthAccount\":null,\"primaryApiKey\":[]}")]
    [InlineData("transcript", "{\"type\":\"assistant\",\"timestamp\":\"9999-12-31T23:59:59.999Z\",\"message\":{\"model\":\"claude-sonnet-4-5\",\"usage\":{\"input_tokens\":1}}}")]
    public async Task FilesThatOnceCrashedSeatGuardAreHandled(string which, string content)
    {
        using var sandbox = new SandboxHome();
        var path = which switch
        {
            "config" => Path.Combine(sandbox.Home, ".config", "seatguard", "config.json"),
            "credentials" => sandbox.CredentialsPath,
            "settings" => sandbox.UserSettingsPath,
            "globalState" => Path.Combine(sandbox.Home, ".claude.json"),
            _ => Path.Combine(sandbox.ClaudeDir, "projects", "p", "s.jsonl"),
        };
        sandbox.WriteText(path, content + "\n");
        foreach (var args in new[] { new[] { "doctor" }, ["doctor", "--json"], ["run", "--dry-run", "--", "-p", "hi"], ["usage", "daily", "--json"], ["statusline"], ["ledger"] })
        {
            var r = await CliHarness.RunWithInputAsync(sandbox, null, "{}", args).WaitAsync(Bound);
            r.ExitCode.ShouldBeInRange(0, 4, r.ToString()); // SeatGuard's documented codes; 4: a launch refused
            (r.StdOut + r.StdErr).ShouldNotContain("   at ", Case.Sensitive, r.ToString());
            (r.StdOut + r.StdErr).ShouldNotContain("Exception", Case.Sensitive, r.ToString());
            if (r.ExitCode == 2) r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.ToString());
            if (args[0] == "statusline") (r.ExitCode, r.StdOut.Trim().Length > 0).ShouldBe((0, true), r.ToString());
        }
    }

    [Theory]
    [InlineData("IO_FileNotFound_FileName, /proc/x.tmp", "no such file, or a file cannot be created there (/proc/x.tmp)")]
    [InlineData("IO_PathTooLong", "the path is too long")]
    public void StrippedResourceNamesBecomeWords(string message, string expected)
    {
        Exception e = message.StartsWith("IO_PathTooLong", StringComparison.Ordinal) ? new PathTooLongException(message) : new FileNotFoundException(message);
        ReadableErrors.Of(e).ShouldBe(expected);
        ReadableErrors.Of(new IOException("No space left on device : '/x'")).ShouldBe("No space left on device : '/x'");
        ReadableErrors.Of(new IOException("IO_SharingViolation_File, /x", 28)).ShouldBe("no space left on the device (/x)");
    }

    private static void Mkfifo(string path)
    {
        var r = ProcessRunner.RunAsync("mkfifo", [path], ProcessRunner.CleanEnvironment(Path.GetTempPath()), Path.GetTempPath()).GetAwaiter().GetResult();
        r.ExitCode.ShouldBe(0, r.ToString());
    }
}
