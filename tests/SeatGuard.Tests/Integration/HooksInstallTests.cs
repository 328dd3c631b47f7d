using System.Text.Json;
using System.Text.Json.Nodes;
using SeatGuard.Core.Integration;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Integration;

public sealed class HooksInstallTests
{
    private const string Program = "/opt/seatguard/seatguard";
    private const string StatusLineCommand = Program + " statusline";
    private const string HookCommand = Program + " hook session-start";

    private static Task<CliResult> Install(SandboxHome sandbox, params string[] extra) =>
        CliHarness.RunAsync(sandbox, null, ["hooks", "install", "--command", Program, .. extra]);

    private static Task<CliResult> Uninstall(SandboxHome sandbox, params string[] extra) =>
        CliHarness.RunAsync(sandbox, null, ["hooks", "uninstall", .. extra]);

    private static JsonObject Read(string path) => JsonNode.Parse(File.ReadAllText(path))!.AsObject();

    private static string[] Backups(SandboxHome sandbox, string path) =>
        Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + ".seatguard-backup-*");

    private static IEnumerable<string> SessionStartCommands(JsonObject settings) =>
        settings["hooks"]!["SessionStart"]!.AsArray().SelectMany(g => g!["hooks"]!.AsArray()).Select(h => h!["command"]!.GetValue<string>());

    [Fact]
    public async Task WithoutAFileItCreatesOneWithBothEntriesAndNoBackup()
    {
        using var sandbox = new SandboxHome();

        var result = await Install(sandbox);

        result.ExitCode.ShouldBe(0, result.ToString());
        var settings = Read(sandbox.UserSettingsPath);
        settings["statusLine"]!["type"]!.GetValue<string>().ShouldBe("command");
        settings["statusLine"]!["command"]!.GetValue<string>().ShouldBe(StatusLineCommand);
        SessionStartCommands(settings).ShouldBe([HookCommand]);
        Backups(sandbox, sandbox.UserSettingsPath).ShouldBeEmpty();
        result.StdErr.ShouldContain("added statusLine");
    }

    [Fact]
    public async Task ExistingHooksAndUnrelatedKeysAreKept()
    {
        using var sandbox = new SandboxHome();
        var original = JsonNode.Parse("""
            {
              "model": "opus",
              "permissions": { "allow": ["Bash(git status)"], "deny": [] },
              "env": { "FOO": "bar" },
              "somethingNew": { "nested": [1, 2, { "x": null }] },
              "hooks": {
                "SessionStart": [ { "matcher": "startup", "hooks": [ { "type": "command", "command": "echo hello" } ] } ],
                "PreToolUse": [ { "matcher": "Bash", "hooks": [ { "type": "command", "command": "audit.sh", "timeout": 5 } ] } ]
              }
            }
            """)!.AsObject();
        sandbox.WriteText(sandbox.UserSettingsPath, original.ToJsonString());

        var result = await Install(sandbox);

        result.ExitCode.ShouldBe(0, result.ToString());
        var settings = Read(sandbox.UserSettingsPath);
        foreach (var key in new[] { "model", "permissions", "env", "somethingNew" })
            JsonNode.DeepEquals(settings[key], original[key]).ShouldBeTrue(key);
        JsonNode.DeepEquals(settings["hooks"]!["PreToolUse"], original["hooks"]!["PreToolUse"]).ShouldBeTrue();
        SessionStartCommands(settings).ShouldBe(["echo hello", HookCommand]);
        settings["hooks"]!["SessionStart"]![0]!["matcher"]!.GetValue<string>().ShouldBe("startup");
    }

    [Fact]
    public async Task AForeignStatusLineIsKeptUnlessForced()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, """{"statusLine":{"type":"command","command":"~/.claude/mine.sh","padding":1}}""");

        var kept = await Install(sandbox);

        kept.ExitCode.ShouldBe(0, kept.ToString());
        kept.StdErr.ShouldContain("~/.claude/mine.sh");
        kept.StdErr.ShouldContain("--force");
        var settings = Read(sandbox.UserSettingsPath);
        settings["statusLine"]!["command"]!.GetValue<string>().ShouldBe("~/.claude/mine.sh");
        SessionStartCommands(settings).ShouldBe([HookCommand]);

        var forced = await Install(sandbox, "--force");

        forced.ExitCode.ShouldBe(0, forced.ToString());
        Read(sandbox.UserSettingsPath)["statusLine"]!["command"]!.GetValue<string>().ShouldBe(StatusLineCommand);
        Backups(sandbox, sandbox.UserSettingsPath).Select(File.ReadAllText).ShouldContain(t => t.Contains("mine.sh"));
    }

    [Theory]
    [InlineData("{ \"model\": \"opus\", }")]
    [InlineData("{ \"model\": ")]
    [InlineData("[1, 2]")]
    [InlineData("{ \"hooks\": [] }")]
    [InlineData("{ \"hooks\": { \"SessionStart\": {} } }")]
    public async Task InvalidJsonIsAClearErrorAndNothingIsWritten(string text)
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, text);

        var result = await Install(sandbox);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain(sandbox.UserSettingsPath);
        result.StdErr.ShouldContain("nothing was changed");
        result.StdErr.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length.ShouldBe(1);
        File.ReadAllText(sandbox.UserSettingsPath).ShouldBe(text);
        Backups(sandbox, sandbox.UserSettingsPath).ShouldBeEmpty();
        Directory.GetFiles(sandbox.ClaudeDir).Length.ShouldBe(1);
    }

    [Fact]
    public async Task InstallingTwiceChangesNothing()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, """{"model":"sonnet"}""");
        await Install(sandbox);
        var first = File.ReadAllBytes(sandbox.UserSettingsPath);
        var backups = Backups(sandbox, sandbox.UserSettingsPath).Length;

        var again = await Install(sandbox);

        again.ExitCode.ShouldBe(0);
        again.StdErr.ShouldContain("nothing to change");
        File.ReadAllBytes(sandbox.UserSettingsPath).ShouldBe(first);
        Backups(sandbox, sandbox.UserSettingsPath).Length.ShouldBe(backups);
    }

    [Fact]
    public async Task UninstallRemovesExactlyWhatInstallAdded()
    {
        using var sandbox = new SandboxHome();
        var original = JsonNode.Parse("""
            {"model":"opus","hooks":{"SessionStart":[{"hooks":[{"type":"command","command":"echo hello"}]}],
             "Stop":[{"hooks":[{"type":"command","command":"notify.sh"}]}]},"statusLine":null}
            """)!;
        sandbox.WriteText(sandbox.UserSettingsPath, original.ToJsonString());
        // a null statusLine is "nothing there": install may use the slot, uninstall then removes the key
        (await Install(sandbox)).ExitCode.ShouldBe(0);

        var result = await Uninstall(sandbox);

        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdErr.ShouldContain("removed statusLine");
        var after = Read(sandbox.UserSettingsPath);
        original.AsObject().Remove("statusLine");
        JsonNode.DeepEquals(after, original).ShouldBeTrue(after.ToJsonString());
    }

    [Fact]
    public async Task UninstallLeavesForeignEntriesAndRecognisesOursFromAnyPath()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, """
            {"statusLine":{"type":"command","command":"my-line.sh"},
             "hooks":{"SessionStart":[{"hooks":[{"type":"command","command":"'/old place/seatguard' hook session-start"},{"type":"command","command":"other.sh"}]}]}}
            """);

        var result = await Uninstall(sandbox);

        var after = Read(sandbox.UserSettingsPath);
        after["statusLine"]!["command"]!.GetValue<string>().ShouldBe("my-line.sh");
        SessionStartCommands(after).ShouldBe(["other.sh"]);
        result.StdErr.ShouldNotContain("removed statusLine");
    }

    [Fact]
    public async Task InstallOverAnOlderPathUpdatesInPlace()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, """
            {"statusLine":{"type":"command","command":"/usr/local/bin/seatguard statusline","padding":2},
             "hooks":{"SessionStart":[{"matcher":"startup","hooks":[{"type":"command","command":"/usr/local/bin/seatguard hook session-start"}]}]}}
            """);

        var result = await Install(sandbox);

        result.StdErr.ShouldContain("updated statusLine command");
        var after = Read(sandbox.UserSettingsPath);
        after["statusLine"]!["command"]!.GetValue<string>().ShouldBe(StatusLineCommand);
        after["statusLine"]!["padding"]!.GetValue<int>().ShouldBe(2);
        SessionStartCommands(after).ShouldBe([HookCommand]);
    }

    [Fact]
    public async Task OddlyTypedFieldsInOurEntriesAreRepairedNotACrash()
    {
        using var sandbox = new SandboxHome();
        sandbox.WriteText(sandbox.UserSettingsPath, $$$"""{"statusLine":{"type":7,"command":"{{{StatusLineCommand}}}"},"hooks":{"SessionStart":[{"hooks":"oops"},{"hooks":[{"command":false}]}]}}""");

        var result = await Install(sandbox);

        result.ExitCode.ShouldBe(0, result.ToString());
        var after = Read(sandbox.UserSettingsPath);
        after["statusLine"]!["type"]!.GetValue<string>().ShouldBe("command");
        after["hooks"]!["SessionStart"]![0]!["hooks"]!.GetValue<string>().ShouldBe("oops");
        after["hooks"]!["SessionStart"]!.AsArray().Last()!["hooks"]![0]!["command"]!.GetValue<string>().ShouldBe(HookCommand);
    }

    [Fact]
    public async Task TheBackupHoldsThePreviousFileAndTheModeIsKept()
    {
        using var sandbox = new SandboxHome();
        const string before = "{\n  \"model\": \"opus\"\n}\n";
        sandbox.WriteText(sandbox.UserSettingsPath, before);
        File.SetUnixFileMode(sandbox.UserSettingsPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var result = await Install(sandbox);

        var backup = Backups(sandbox, sandbox.UserSettingsPath).ShouldHaveSingleItem();
        File.ReadAllText(backup).ShouldBe(before);
        Path.GetFileName(backup).ShouldMatch(@"^settings\.json\.seatguard-backup-\d{8}T\d{6}Z$");
        result.StdErr.ShouldContain(backup);
        File.GetUnixFileMode(sandbox.UserSettingsPath).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        Directory.GetFiles(sandbox.ClaudeDir, "*.tmp").ShouldBeEmpty();
    }

    [Fact]
    public async Task ASymlinkedSettingsFileStaysALinkAndItsTargetIsUpdated()
    {
        using var sandbox = new SandboxHome();
        var target = sandbox.WriteText(Path.Combine(sandbox.Root, "dotfiles", "claude-settings.json"), """{"model":"opus"}""");
        Directory.CreateDirectory(sandbox.ClaudeDir);
        File.CreateSymbolicLink(sandbox.UserSettingsPath, target);

        (await Install(sandbox)).ExitCode.ShouldBe(0);

        new FileInfo(sandbox.UserSettingsPath).LinkTarget.ShouldBe(target);
        Read(target)["statusLine"]!["command"]!.GetValue<string>().ShouldBe(StatusLineCommand);
        Read(target)["model"]!.GetValue<string>().ShouldBe("opus");
        // The backup goes beside the link, never into the (often committed) directory the link points into.
        Backups(sandbox, sandbox.UserSettingsPath).ShouldHaveSingleItem();
        Backups(sandbox, target).ShouldBeEmpty();
    }

    [Fact]
    public async Task DryRunPrintsTheResultAndWritesNothing()
    {
        using var sandbox = new SandboxHome();

        var result = await Install(sandbox, "--dry-run");

        result.ExitCode.ShouldBe(0);
        File.Exists(sandbox.UserSettingsPath).ShouldBeFalse();
        var printed = JsonNode.Parse(result.StdOut)!.AsObject();
        printed["statusLine"]!["command"]!.GetValue<string>().ShouldBe(StatusLineCommand);
        result.StdErr.ShouldContain("would change");
    }

    [Fact]
    public async Task ProjectScopeWritesTheRepositorySettingsAndJsonDescribesIt()
    {
        using var sandbox = new SandboxHome();

        var result = await Install(sandbox, "--scope", "project", "--json");

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(sandbox.ProjectSettingsPath).ShouldBeTrue();
        File.Exists(sandbox.UserSettingsPath).ShouldBeFalse();
        var json = JsonDocument.Parse(result.StdOut).RootElement;
        json.GetProperty("file").GetString().ShouldBe(sandbox.ProjectSettingsPath);
        json.GetProperty("changed").GetBoolean().ShouldBeTrue();
        json.GetProperty("changes").EnumerateArray().Select(e => e.GetString()).ShouldBe(["added statusLine", "added hooks.SessionStart entry"]);
    }

    [Fact]
    public async Task ConfigDirDecidesWhereUserScopeWrites()
    {
        using var sandbox = new SandboxHome();
        var configDir = Path.Combine(sandbox.Root, "alt-config");

        var result = await CliHarness.RunAsync(sandbox, new() { ["CLAUDE_CONFIG_DIR"] = configDir }, "hooks", "install", "--command", Program);

        result.ExitCode.ShouldBe(0, result.ToString());
        File.Exists(Path.Combine(configDir, "settings.json")).ShouldBeTrue();
        File.Exists(sandbox.UserSettingsPath).ShouldBeFalse();
    }

    [Theory]
    [InlineData("/usr/bin/seatguard", "/usr/bin/seatguard")]
    [InlineData("/home/a b/seatguard", "'/home/a b/seatguard'")]
    [InlineData("/it's/seatguard", "'/it'\\''s/seatguard'")]
    public void PathsAreQuotedForTheShellOnlyWhenNeeded(string path, string expected) =>
        SeatGuardCommands.ShellQuote(path).ShouldBe(expected);

    [Theory]
    [InlineData("/x/seatguard statusline", true)]
    [InlineData("dotnet /x/seatguard.dll statusline", true)]
    [InlineData("'/a b/SeatGuard.exe' statusline", true)]
    [InlineData("/x/seatguard statusline --verbose", false)]
    [InlineData("~/.claude/statusline.sh statusline", false)]
    [InlineData("statusline", false)]
    public void OurEntriesAreRecognisedByTheirCommand(string command, bool ours) =>
        SeatGuardCommands.IsOurs(command, SeatGuardCommands.StatusLineArgs).ShouldBe(ours);
}
