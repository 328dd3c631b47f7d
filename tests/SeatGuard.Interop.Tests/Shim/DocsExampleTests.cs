using System.Text.RegularExpressions;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Shim;

/// <summary>The caller examples of docs/sdk.md, extracted from the page and run against the shim, the real claude and the stand-in.</summary>
public sealed partial class DocsExampleTests
{
    [GeneratedRegex(@"```(?:ts|js|python)\n(?:// |# )docs example: (?<name>[\w-]+)\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex ExampleBlock();

    private static string Example(string name) =>
        ExampleBlock().Matches(File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, "docs", "sdk.md"))).Single(m => m.Groups["name"].Value == name).Groups["code"].Value;

    [Theory]
    [InlineData("sdk-ts", "node", "mjs")]
    [InlineData("child_process", "node", "mjs")]
    [InlineData("subprocess", "python3", "py")]
    public async Task TheExampleRunsThroughTheShim(string name, string runtime, string extension)
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync(new StandInOptions { Scenario = RateLimitScenario.Normal });
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        env["ANTHROPIC_API_KEY"] = FakeTokens.ApiKey();
        // The examples use the default place: ~/.local/share/seatguard/shim/claude.
        (await CliHarness.InstallShimAsync(sandbox, env, null)).ExitCode.ShouldBe(0);

        // Next to tests/tools/node_modules so that the SDK import resolves; ignored by git.
        var dir = Path.Combine(ToolPaths.RepoRoot, "tests", "tools", "node_modules", ".seatguard-doc-examples");
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, $"{name}-{Guid.NewGuid():N}.{extension}");
        await File.WriteAllTextAsync(file, Example(name));
        try
        {
            var r = await ProcessRunner.RunAsync(runtime, [file], env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(150));
            r.ExitCode.ShouldBe(0, r.ToString());
            r.StdOut.ShouldMatch(name == "sdk-ts" ? @"^ok: pong \d+\n$" : @"^pong \d+\n$");
            standIn.MessageRequests.ShouldNotBeEmpty();
            standIn.MessageRequests.ShouldAllBe(q => q.ApiKey == null && q.BearerToken == env["CLAUDE_CODE_OAUTH_TOKEN"]);

            // The same program for someone else without an API key fails loudly with SeatGuard's reason, and sends nothing.
            env["SEATGUARD_FOR"] = "client-acme";
            env.Remove("ANTHROPIC_API_KEY");
            int before = standIn.Requests.Count;
            var refused = await ProcessRunner.RunAsync(runtime, [file], env, sandbox.Project, stdin: "", timeout: TimeSpan.FromSeconds(150));
            refused.ExitCode.ShouldNotBe(0, refused.ToString());
            (refused.StdOut + refused.StdErr).ShouldContain(name == "sdk-ts" ? "SeatGuard refused this run" : "by=seatguard reason=refused");
            standIn.Requests.Count.ShouldBe(before);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
