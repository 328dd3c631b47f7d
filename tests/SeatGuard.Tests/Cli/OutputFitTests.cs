using SeatGuard.Cli;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Cli;

/// <summary>Human output fits an 80-column terminal without splitting ids, paths or tokens, and is neither wrapped nor padded elsewhere.</summary>
public sealed class OutputFitTests
{
    private static async Task<CliResult> Run(SandboxHome sandbox, int? width, params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = width is { } w ? new Terminal(stdout, stderr, color: false) { Width = w } : new Terminal(stdout, stderr, color: false);
        int code = await CliApp.RunAsync(args, new CliContext(terminal, sandbox.Services(null, terminal.RawOut)));
        return new CliResult(code, stdout.ToString(), stderr.ToString());
    }

    private static SandboxHome WithFindings(out string oauthToken)
    {
        var sandbox = new SandboxHome();
        oauthToken = FakeTokens.OAuthToken();
        var deep = Path.Combine(sandbox.Project, "deploy", "environments");
        sandbox.WriteText(Path.Combine(deep, "production.env"), "CLAUDE_CODE_OAUTH_TOKEN=" + oauthToken + "\n");
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", FakeTokens.ApiKey()));
        return sandbox;
    }

    [Theory]
    [InlineData("scan", ".")]
    [InlineData("decide", "--list-scenarios")]
    [InlineData("policy", "show")]
    [InlineData("doctor")]
    public async Task At80ColumnsIdsPathsAndTokensStayWhole(params string[] args)
    {
        using var sandbox = WithFindings(out _);
        var r = await Run(sandbox, 80, args);
        r.ExitCode.ShouldBeOneOf(0, 1);
        var lines = r.StdOut.Split('\n');
        lines.ShouldAllBe(l => l.Length <= 80, r.StdOut);
        if (args[0] == "scan")
        {
            lines.ShouldContain(l => l.Contains("deploy/environments/production.env:1:25") && l.Contains("claude-oauth-token"));
            lines.ShouldContain(l => l.Contains("project-settings-switch-billing"));
            lines.ShouldContain(l => System.Text.RegularExpressions.Regex.IsMatch(l, @"sk-ant-oat01-…\(sha256:[0-9a-f]{8}\)"));
        }
        if (args[0] == "decide") lines.ShouldContain(l => l.StartsWith("slack-bot-multiple-consumers  gray  api-key", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("scan", ".")]
    [InlineData("decide", "--list-scenarios")]
    [InlineData("policy", "show")]
    [InlineData("policy", "history")]
    [InlineData("doctor")]
    public async Task OutputThatIsNotATerminalIsNotWrappedOrPadded(params string[] args)
    {
        using var sandbox = WithFindings(out _);
        var r = await Run(sandbox, null, args);
        var lines = r.StdOut.Split('\n');
        lines.ShouldAllBe(l => !l.EndsWith(' '), r.StdOut);
        lines.ShouldNotContain(l => l.StartsWith('─') && l.Contains(new string('─', 20)), r.StdOut);   // headings are not rules drawn across a width
        for (int i = 0; i + 1 < lines.Length; i++)   // a table is as wide as its rows, not as a page
            if (lines[i].Length > 0 && "┌├".Contains(lines[i][0]) && lines[i + 1].StartsWith('│')) lines[i].Length.ShouldBe(lines[i + 1].Length, r.StdOut);
        if (args[0] == "policy" && args[1] == "show")
            lines.ShouldContain(l => l.Length > 200, "a long paragraph stays one line: the reader's terminal wraps it");
    }

    [Fact]
    public async Task UsageWithoutTranscriptsSaysWhereItLooked()
    {
        using var sandbox = new SandboxHome();
        var r = await Run(sandbox, null, "usage", "daily");
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdErr.ShouldContain("no Claude Code transcripts found in ");
        r.StdErr.ShouldContain(Path.Combine(sandbox.ClaudeDir, "projects"), Case.Sensitive, r.StdErr);
        var json = await Run(sandbox, null, "usage", "daily", "--json", "--config-dir", Path.Combine(sandbox.Root, "elsewhere"));
        json.StdErr.ShouldContain(Path.Combine(sandbox.Root, "elsewhere", "projects"));
        System.Text.Json.JsonDocument.Parse(json.StdOut).RootElement.GetProperty("daily").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public void TheTrimmingWriterDropsLineEndPaddingOnly()
    {
        var inner = new StringWriter();
        var writer = new LineTrimmingWriter(inner);
        writer.Write("a  b   \n  c \n");
        writer.Write("open ");
        writer.Flush();
        writer.Write("end\n");
        inner.ToString().ShouldBe("a  b\n  c\nopen end\n");
    }
}
