using System.CommandLine;
using SeatGuard.Cli;
using SeatGuard.Cli.Commands;
using SeatGuard.Cli.Output;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Cli;

public sealed class HelpTests
{
    public static TheoryData<string> CommandPaths()
    {
        var root = CliApp.BuildRoot(new CliContext(new Terminal(TextWriter.Null, TextWriter.Null, false), new SandboxHome().Services()));
        var data = new TheoryData<string> { "" };
        void Walk(Command c, string prefix)
        {
            foreach (var sub in c.Subcommands)
            {
                var path = (prefix + " " + sub.Name).Trim();
                data.Add(path);
                Walk(sub, path);
            }
        }
        Walk(root, "");
        return data;
    }

    [Theory]
    [MemberData(nameof(CommandPaths))]
    public async Task EveryCommandHasHelp(string path)
    {
        using var sandbox = new SandboxHome();
        string[] args = [.. path.Split(' ', StringSplitOptions.RemoveEmptyEntries), "--help"];
        var r = await CliHarness.RunAsync(sandbox, null, args);
        r.ExitCode.ShouldBe(0, r.ToString());
        r.StdOut.ShouldContain("Usage:");
        r.StdOut.ShouldContain("--json");
    }

    [Fact]
    public async Task CommandHelpEndsWithExamples()
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, "doctor", "--help");
        r.StdOut.ShouldContain("Examples:\n  seatguard doctor");
    }

    [Fact]
    public async Task UnknownCommandIsOneLineAndExitTwo()
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, "frobnicate");
        r.ExitCode.ShouldBe(2);
        r.StdErr.Trim().Split('\n').Length.ShouldBe(1);
    }

    [Fact]
    public async Task VersionPrintsTheVersion()
    {
        using var sandbox = new SandboxHome();
        var r = await CliHarness.RunAsync(sandbox, null, "--version");
        r.ExitCode.ShouldBe(0);
        r.StdOut.Trim().ShouldMatch(@"^\d+\.\d+\.\d+$");
    }
}
