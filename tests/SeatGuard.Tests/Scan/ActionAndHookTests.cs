using System.Text.Json.Nodes;
using SeatGuard.TestKit;
using YamlDotNet.RepresentationModel;

namespace SeatGuard.Tests.Scan;

/// <summary>
/// The GitHub Action (action.yml + action/scan.sh) and the pre-commit hook (.pre-commit-hooks.yaml): their
/// definitions, and their steps run locally against the built CLI — the action's script with the variables
/// a runner sets, the hook through the real pre-commit where it is installed (CI installs it).
/// </summary>
public sealed class ActionAndHookTests
{
    private static string Cli => File.Exists(Path.Combine(AppContext.BaseDirectory, "seatguard"))
        ? Path.Combine(AppContext.BaseDirectory, "seatguard")
        : throw new InvalidOperationException("the CLI apphost is missing from the test output");

    private static YamlMappingNode Yaml(string file)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, file))));
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }

    private static string S(YamlNode node, string key) => ((YamlScalarNode)((YamlMappingNode)node).Children[new YamlScalarNode(key)]).Value!;

    [Fact]
    public void ActionIsACompositeThatSetsUpDotnetRunsTheScriptAndUploadsSarif()
    {
        var action = Yaml("action.yml");
        var runs = (YamlMappingNode)action.Children[new YamlScalarNode("runs")];
        S(runs, "using").ShouldBe("composite");
        var steps = ((YamlSequenceNode)runs.Children[new YamlScalarNode("steps")]).Children.Cast<YamlMappingNode>().ToList();
        steps[0].Children.ContainsKey(new YamlScalarNode("uses")).ShouldBeTrue();
        S(steps[0], "uses").ShouldStartWith("actions/setup-dotnet@");
        var scan = steps.Single(s => s.Children.ContainsKey(new YamlScalarNode("id")) && S(s, "id") == "scan");
        S(scan, "run").ShouldContain("$GITHUB_ACTION_PATH/action/scan.sh");
        var upload = steps.Single(s => s.Children.ContainsKey(new YamlScalarNode("uses")) && S(s, "uses").StartsWith("github/codeql-action/upload-sarif@"));
        S((YamlMappingNode)upload.Children[new YamlScalarNode("with")], "sarif_file").ShouldBe("${{ steps.scan.outputs.sarif-file }}");

        // Every INPUT_* the script reads is set from a declared input, and every input is used.
        var inputs = ((YamlMappingNode)action.Children[new YamlScalarNode("inputs")]).Children.Keys.Cast<YamlScalarNode>().Select(k => k.Value!).ToList();
        var env = ((YamlMappingNode)scan.Children[new YamlScalarNode("env")]).Children.ToDictionary(kv => ((YamlScalarNode)kv.Key).Value!, kv => ((YamlScalarNode)kv.Value).Value!);
        var script = File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, "action", "scan.sh"));
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(script, @"\bINPUT_[A-Z_]+\b"))
            env.ShouldContainKey(m.Value, $"the script reads {m.Value}");
        foreach (var (name, value) in env)
        {
            var input = value.Replace("${{ inputs.", "").Replace(" }}", "");
            inputs.ShouldContain(input, $"{name} comes from an undeclared input");
            name.ShouldBe("INPUT_" + input.ToUpperInvariant().Replace('-', '_'));
        }
        var text = File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, "action.yml"));
        foreach (var input in inputs) text.ShouldContain("inputs." + input);
    }

    private sealed record ActionRun(int Exit, string Output, string Stderr, Dictionary<string, string> Outputs, string? Sarif);

    private static async Task<ActionRun> RunAction(string workspace, Dictionary<string, string> inputs, params string[] args)
    {
        var temp = Path.Combine(workspace, ".runner");
        Directory.CreateDirectory(temp);
        var outputs = Path.Combine(temp, "github_output");
        File.WriteAllText(outputs, "");
        var env = ProcessRunner.CleanEnvironment(Path.Combine(temp, "home"));
        Directory.CreateDirectory(env["HOME"]);
        env["GITHUB_ACTION_PATH"] = ToolPaths.RepoRoot;
        env["GITHUB_WORKSPACE"] = workspace;
        env["GITHUB_OUTPUT"] = outputs;
        env["RUNNER_TEMP"] = temp;
        env["SEATGUARD_BIN"] = Cli;
        foreach (var (k, v) in inputs) env[k] = v;
        var result = await ProcessRunner.RunAsync("bash", [Path.Combine(ToolPaths.RepoRoot, "action", "scan.sh"), .. args], env, workspace);
        var map = File.ReadAllLines(outputs).Where(l => l.Contains('=')).ToDictionary(l => l[..l.IndexOf('=')], l => l[(l.IndexOf('=') + 1)..]);
        string? sarif = map.TryGetValue("sarif-file", out var p) && File.Exists(p) ? File.ReadAllText(p) : null;
        return new ActionRun(result.ExitCode, result.StdOut, result.StdErr, map, sarif);
    }

    [Fact]
    public async Task ActionScriptWritesSarifAndOutputsThenTheVerdictStepFails()
    {
        using var box = new ScanSandbox();
        box.Write("app/config.py", $"TOKEN = '{FakeTokens.OAuthToken()}'\n");
        box.Write("tests/fixture.py", "import keyring\nkeyring.get_password('Claude Code-credentials', 'me')\n");
        var run = await RunAction(box.Root, new() { ["INPUT_PATH"] = ".", ["INPUT_FAIL_ON"] = "red", ["INPUT_SARIF_FILE"] = "out/seatguard.sarif" });
        run.Exit.ShouldBe(0, run.Stderr); // findings do not stop the step: the SARIF is uploaded first
        run.Outputs["exit-code"].ShouldBe("1");
        run.Outputs["findings"].ShouldBe("2");
        run.Outputs["sarif-file"].ShouldBe(Path.Combine(box.Root, "out", "seatguard.sarif"));
        var results = JsonNode.Parse(run.Sarif.ShouldNotBeNull())!["runs"]![0]!["results"]!.AsArray();
        results.Select(r => (string?)r!["ruleId"]).Order().ShouldBe(["claude-oauth-token", "reads-claude-credentials"]);
        run.Sarif.ShouldNotContain(FakeTokens.OAuthPrefix + "A"); // only the redacted form, never a body

        var verdict = await RunAction(box.Root, new() { ["INPUT_FAIL_ON"] = "red" }, "--verdict", run.Outputs["exit-code"]);
        verdict.Exit.ShouldBe(1);
        verdict.Output.ShouldContain("::error title=SeatGuard::");
    }

    [Fact]
    public async Task ActionScriptHonoursMinConfidenceAndFailOnAndRejectsBadInput()
    {
        using var box = new ScanSandbox();
        box.Write("tests/fixture.py", "import keyring\nkeyring.get_password('Claude Code-credentials', 'me')\n");
        box.Write("stack/compose.yml", "services:\n  bot:\n    environment:\n      - CLAUDE_CODE_OAUTH_TOKEN\n");
        var high = await RunAction(box.Root, new() { ["INPUT_MIN_CONFIDENCE"] = "high" });
        (high.Exit, high.Outputs["exit-code"], high.Outputs["findings"]).ShouldBe((0, "0", "1")); // the gray service only
        var gray = await RunAction(box.Root, new() { ["INPUT_FAIL_ON"] = "gray", ["INPUT_PATH"] = "stack" });
        gray.Outputs["exit-code"].ShouldBe("1");
        var bad = await RunAction(box.Root, new() { ["INPUT_FAIL_ON"] = "purple" });
        bad.Exit.ShouldBe(2);
        bad.Output.ShouldContain("fail-on must be red, gray or any");
        var missing = await RunAction(box.Root, new() { ["INPUT_PATH"] = "no/such/dir" });
        (missing.Exit, missing.Outputs["exit-code"]).ShouldBe((2, "2"));
    }

    [Fact]
    public void HookDefinitionsScanOnlyTheStagedChanges()
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(File.ReadAllText(Path.Combine(ToolPaths.RepoRoot, ".pre-commit-hooks.yaml"))));
        var hooks = ((YamlSequenceNode)stream.Documents[0].RootNode).Children.Cast<YamlMappingNode>().ToList();
        hooks.Select(h => S(h, "id")).ShouldBe(["seatguard", "seatguard-gray"]);
        foreach (var h in hooks)
        {
            S(h, "entry").ShouldStartWith("seatguard scan --staged");
            S(h, "pass_filenames").ShouldBe("false"); // the scan reads the index itself
            S(h, "language").ShouldBe("system");
        }
    }

    [PreCommitFact]
    public async Task RealPreCommitRunsTheHookOnStagedFiles()
    {
        using var repo = new GitRepo();
        var bin = Path.Combine(repo.Root, ".home", "bin");
        Directory.CreateDirectory(bin);
        var wrapper = Path.Combine(bin, "seatguard");
        File.WriteAllText(wrapper, $"#!/bin/sh\nexec '{Cli}' \"$@\"\n");
        File.SetUnixFileMode(wrapper, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        repo.Write("README.md", "hello\n");
        repo.Commit("start");

        async Task<(int Exit, string Out)> PreCommit()
        {
            var env = ProcessRunner.CleanEnvironment(Path.Combine(repo.Root, ".home"));
            env["PATH"] = bin + ":" + env["PATH"];
            env["PRE_COMMIT_HOME"] = Path.Combine(repo.Root, ".home", "pre-commit");
            var r = await ProcessRunner.RunAsync("pre-commit", ["try-repo", ToolPaths.RepoRoot, "seatguard", "--verbose"], env, repo.Root);
            return (r.ExitCode, r.StdOut + r.StdErr);
        }

        repo.Write("src/ok.py", "print('hi')\n");
        repo.Git("add", "src/ok.py");
        var clean = await PreCommit();
        clean.Exit.ShouldBe(0, clean.Out);
        clean.Out.ShouldContain("Passed");

        repo.Write("src/leak.py", $"T = '{FakeTokens.OAuthToken()}'\n");
        repo.Git("add", "src/leak.py");
        var leak = await PreCommit();
        leak.Exit.ShouldBe(1, leak.Out);
        leak.Out.ShouldContain("claude-oauth-token");
        leak.Out.ShouldContain("src/leak.py");
    }
}

/// <summary>Runs where pre-commit is installed (CI installs it: .ci/run); reports itself as skipped elsewhere.</summary>
public sealed class PreCommitFactAttribute : FactAttribute
{
    public PreCommitFactAttribute()
    {
        var found = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Any(d => File.Exists(Path.Combine(d, "pre-commit")));
        if (!found) Skip = "pre-commit is not installed (apt-get install pre-commit); .ci/run installs it";
    }
}
