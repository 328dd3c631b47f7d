using System.CommandLine;
using SeatGuard.Cli;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Help;
using SeatGuard.Cli.Output;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Cli;

/// <summary>Walks every command: help with examples, the options it declares, unknown words and bad values.</summary>
public sealed class HelpTests
{
    private static RootCommand Root() => CliApp.BuildRoot(new CliContext(new Terminal(TextWriter.Null, TextWriter.Null, false), new SandboxHome().Services()));

    private static string PathOf(Command c) => CommandTree.Path(c)["seatguard".Length..].Trim();

    public static TheoryData<string> CommandPaths()
    {
        var data = new TheoryData<string> { "" };
        foreach (var c in CommandTree.All(Root())) data.Add(PathOf(c));
        return data;
    }

    /// <summary>Commands that do something (not groups).</summary>
    public static TheoryData<string> ActionPaths()
    {
        var data = new TheoryData<string>();
        foreach (var c in CommandTree.All(Root()).Where(c => c.Action is not null)) data.Add(PathOf(c));
        return data;
    }

    public static TheoryData<string> PathsWithDir()
    {
        var data = new TheoryData<string>();
        var context = new CliContext(new Terminal(TextWriter.Null, TextWriter.Null, false), new SandboxHome().Services());
        foreach (var c in CommandTree.All(CliApp.BuildRoot(context)).Where(c => c.Options.Contains(context.Common.Dir))) data.Add(PathOf(c));
        return data;
    }

    private static string[] Args(string path, params string[] more) => [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), .. more];

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task EveryCommandHasHelpWithExamples(string path)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, Args(path, "--help"));
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain("Usage:");
        if (path.Length > 0) r.StdOut.ShouldContain("Examples:\n  ");
    }

    [Theory]
    [MemberData(nameof(ActionPaths))]
    public async Task EveryCommandThatPrintsAResultTakesJson(string path)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, Args(path, "--help"));
        if (path == "completion") r.StdOut.ShouldNotContain("--json");
        else r.StdOut.ShouldContain("--json");
    }

    [Theory]
    [InlineData("", "--json")]
    [InlineData("", "--dir")]
    [InlineData("", "--claude")]
    [InlineData("", "--config-dir")]
    [InlineData("ledger", "--dir")]
    [InlineData("ledger", "--claude")]
    [InlineData("decide", "--config-dir")]
    [InlineData("policy show", "--claude")]
    [InlineData("scan", "--config-dir")]
    [InlineData("usage daily", "--claude")]
    [InlineData("completion", "--dir")]
    public async Task OptionsAppearOnlyOnCommandsThatUseThem(string path, string option)
    {
        using var sandbox = new SandboxHome();
        (await CliHarness.RunAsync(sandbox, null, Args(path, "--help"))).StdOut.ShouldNotContain(option + " ");
        var r = await CliHarness.RunAsync(sandbox, null, Args(path, option, "x"));
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain($"unknown option '{option}'");
    }

    [Theory]
    [InlineData("doctor", "--claude")]
    [InlineData("doctor", "--dir")]
    [InlineData("doctor", "--config-dir")]
    [InlineData("run", "--claude")]
    [InlineData("verify", "--config-dir")]
    [InlineData("scan", "--dir")]
    [InlineData("usage daily", "--config-dir")]
    [InlineData("report", "--config-dir")]
    [InlineData("statusline", "--config-dir")]
    [InlineData("hook session-start", "--dir")]
    [InlineData("hooks install", "--dir")]
    [InlineData("hooks uninstall", "--config-dir")]
    public async Task DocumentedCommonOptionsStayWhereTheyAreUsed(string path, string option)
    {
        using var sandbox = new SandboxHome();
        (await CliHarness.RunAsync(sandbox, null, Args(path, "--help"))).StdOut.ShouldContain(option + " ");
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task AnUnknownOptionIsNamedOnOneLineWithExitTwo(string path)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, Args(path, "--frobnicate"));
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.ToString());
        r.StdErr.ShouldContain("unknown option '--frobnicate'");
    }

    [Theory]
    [InlineData(new[] { "doctr" }, "unknown command 'doctr' (did you mean 'doctor'?)")]
    [InlineData(new[] { "frobnicate" }, "unknown command 'frobnicate' (see 'seatguard --help')")]
    [InlineData(new[] { "usage", "dialy" }, "unknown command 'dialy' for 'seatguard usage' (did you mean 'daily'?)")]
    [InlineData(new[] { "daily" }, "did you mean 'seatguard usage daily'?")]
    [InlineData(new[] { "scan", "--histroy" }, "unknown option '--histroy' for 'seatguard scan' (did you mean '--history'?)")]
    [InlineData(new[] { "scan", "--frobnicate", "." }, "unknown option '--frobnicate' for 'seatguard scan'")]
    [InlineData(new[] { "doctor", "--history" }, "it is an option of 'seatguard scan'")]
    [InlineData(new[] { "scan", "--format", "sarf" }, "--format: 'sarf' is not one of table, json, sarif (did you mean 'sarif'?)")]
    [InlineData(new[] { "hooks", "install", "--scope", "loacl" }, "(did you mean 'local'?)")]
    [InlineData(new[] { "scan", "--threads", "abc" }, "--threads expects a whole number, not 'abc'")]
    [InlineData(new[] { "usage" }, "'seatguard usage' needs a command: daily, weekly, monthly, session, blocks")]
    [InlineData(new string[0], "say which command to run: doctor, run")]
    public async Task MistakesAreExplainedWithTheClosestName(string[] args, string expected)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, args);
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain(expected);
        r.StdErr.ShouldNotContain("Required command was not provided");
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task ClaudeArgumentsAfterDoubleDashAreNotMistakenForOptions()
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "run", "--dry-run", "--json", "--", "-p", "hi", "--frobnicate");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain("--frobnicate");
    }

    public static TheoryData<string[], string> BadValues()
    {
        var dir = Path.GetTempPath().TrimEnd('/');
        return new()
        {
            { ["scan", "--threads", "0", "."], "--threads must be at least 1, not 0" },
            { ["scan", "--max-filesize", "-1", "."], "--max-filesize must be at least 1, not -1" },
            { ["scan", "--rules", dir, "."], "is a directory" },
            { ["scan", "--baseline", dir, "."], "is a directory" },
            { ["scan", "--write-baseline", dir, "."], "is a directory" },
            { ["usage", "daily", "--pricing", dir], "is a directory" },
            { ["decide", "--manifest", dir], "is a directory" },
            { ["policy", "show", "--policy", dir], "is a directory" },
            { ["report", "--html", dir], "is a directory" },
            { ["hooks", "install", "--command", dir], "is a directory" },
            { ["doctor", "--probe-timeout", "0"], "--probe-timeout must be at least 1" },
            { ["verify", "--timeout", "-3"], "--timeout must be at least 1" },
            { ["doctor", "--dir", "/nonexistent-seatguard-dir"], "--dir /nonexistent-seatguard-dir: no such directory" },
            { ["scan", "--dir", "/etc/hostname"], "is a file, not a directory" },
            { ["install", "--prefix", "/etc/hostname"], "is a file, not a directory" },
        };
    }

    [Theory]
    [MemberData(nameof(BadValues))]
    public async Task BadValuesAreExitTwoWithAPlainMessage(string[] args, string expected)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, args);
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain(expected);
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1, r.ToString());
    }

    [Theory]
    [MemberData(nameof(PathsWithDir))]
    public async Task EveryCommandWithDirRejectsAMissingDirectory(string path)
    {
        if (path == "hook session-start") return; // a hook always exits 0: it must never block a session
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunWithInputAsync(sandbox, null, "{}", Args(path, "--dir", Path.Combine(sandbox.Root, "missing"), "--dry-run"));
        if (r.StdErr.Contains("unknown option '--dry-run'"))
            r = await CliHarness.RunWithInputAsync(sandbox, null, "{}", Args(path, "--dir", Path.Combine(sandbox.Root, "missing")));
        r.ExitCode.ShouldBe(2, r.ToString());
        r.StdErr.ShouldContain("no such directory");
    }

    [Fact]
    public async Task VersionPrintsTheVersion()
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, "--version");
        r.ExitCode.ShouldBe(0);
        r.StdOut.Trim().ShouldMatch(@"^\d+\.\d+\.\d+$");
    }

    [Theory]
    [InlineData("bash", "complete -o default -o bashdefault -F _seatguard_complete seatguard")]
    [InlineData("zsh", "compdef _seatguard seatguard")]
    [InlineData("fish", "complete -c seatguard")]
    public async Task CompletionScriptsAskSeatguardWhatFits(string shell, string registration)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, "completion", shell);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain(registration);
        r.StdOut.ShouldContain("[suggest:");
    }

    [Theory]
    [InlineData("usage d", "daily")]
    [InlineData("", "doctor")]
    [InlineData("scan --format ", "sarif")]
    [InlineData("hooks install --scope ", "local")]
    [InlineData("hooks install --s", "--scope")]
    [InlineData("completion ", "fish")]
    public async Task TheSuggestDirectiveCompletesCommandsOptionsAndValues(string line, string expected)
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, $"[suggest:{line.Length}]", line);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.Split('\n').ShouldContain(expected);
    }

    [Theory]
    [InlineData("doctr", new[] { "doctor", "decide" }, "doctor")]
    [InlineData("--histroy", new[] { "--history", "--format" }, "--history")]
    [InlineData("--hist", new[] { "--history", "--format" }, "--history")]
    [InlineData("xyz", new[] { "doctor", "decide" }, null)]
    [InlineData("sesion", new[] { "session", "daily" }, "session")]
    public void TheClosestNameIsSuggestedOnlyWhenClose(string word, string[] candidates, string? expected) =>
        Suggestions.Closest(word, candidates).ShouldBe(expected);

    [Fact]
    public async Task TheCommandTreeCanBeBuiltAndRunOnManyThreadsAtOnce()
    {
        // An embedding program (or the fuzz run) runs the CLI in-process on several threads: the examples table once
        // was a plain dictionary shared by every tree, and concurrent builds corrupted it (found by the fuzz run).
        var made = new Command[200_000];
        Parallel.For(0, made.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => made[i] = new Command("c" + i).WithExamples("seatguard c" + i));
        for (int i = 0; i < made.Length; i++) HelpExamples.Of(made[i]).ShouldBe(["seatguard c" + i]);
        using var sandbox = new SandboxHome();
        var runs = await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            for (int i = 0; i < 10; i++) CliApp.BuildRoot(new CliContext(new Terminal(TextWriter.Null, TextWriter.Null, false), sandbox.Services())).Subcommands.ShouldNotBeEmpty();
            return await CliHarness.RunAsync(sandbox, null, "run", "--help");
        })));
        foreach (var r in runs)
        {
            r.ExitCode.ShouldBe(0, r.ToString());
            r.StdOut.ShouldContain("Examples:\n  ");
        }
    }
    [Fact]
    public void TwoCommandTreesShareNoOptionOrArgument()
    {
        // An option remembers every command it is added to: one kept in a static field and put on every tree kept each
        // tree a process built alive (~57 KB per in-process run, found by the 100k-input commands fuzz run) and made
        // trees built at once race on its list of parents. Every tree must have symbols of its own.
        static HashSet<Symbol> Symbols(RootCommand root)
        {
            var all = new HashSet<Symbol>(ReferenceEqualityComparer.Instance);
            foreach (var c in CommandTree.All(root).Append(root))
            {
                foreach (var o in c.Options) all.Add(o);
                foreach (var a in c.Arguments) all.Add(a);
            }
            return all;
        }
        var first = Symbols(Root());
        var second = Symbols(Root());
        first.Count.ShouldBeGreaterThan(50);
        first.Where(second.Contains).Select(s => s.Name).ShouldBeEmpty();
    }
}
