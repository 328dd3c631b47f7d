using System.Text.Json.Nodes;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Security;

/// <summary>
/// Redaction by field, end to end: secrets planted everywhere a credential can live (see <see cref="PlantedSecrets"/>)
/// never appear in any byte any command writes — stdout, stderr, the ledger, caches, backups, the HTML report,
/// SARIF, baselines, hook output, error messages.
/// </summary>
public sealed class NoSecretLeavesTests
{
    [Fact]
    public async Task NoCommandWritesAPlantedSecretAnywhere()
    {
        using var sandbox = new SandboxHome();
        var secrets = new PlantedSecrets();
        var files = new Dictionary<string, byte[]>();
        var env = secrets.PlantEverywhere(sandbox, files);
        var settingsKey = secrets.New("--settings argument ANTHROPIC_AUTH_TOKEN");
        var settingsHeader = secrets.New("--settings argument otelHeadersHelper");
        var settingsArg = new JsonObject { ["env"] = new JsonObject { ["ANTHROPIC_AUTH_TOKEN"] = settingsKey }, ["otelHeadersHelper"] = "echo " + settingsHeader }.ToJsonString();
        var forToken = secrets.New("--for value", "sk-ant-api03-");
        var html = Path.Combine(sandbox.Root, "report.html");
        var baseline = Path.Combine(sandbox.Root, "baseline.json");
        var src = Path.Combine(sandbox.Project, "src");

        const string Cmd = "/usr/local/bin/seatguard"; // a build folder is refused as the hooks' program
        string[][] commands =
        [
            ["doctor"], ["doctor", "--json"],
            ["run", "--dry-run", "--", "--settings", settingsArg, "-p", "hi"],
            ["run", "--dry-run", "--json", "--", "--settings=" + settingsArg, "-p", "hi"],
            ["run", "--dry-run", "--json", "--mode", "api-key", "--for", forToken, "--", "--settings", settingsArg, "-p", "hi"],
            ["run", "--claude", "true", "--mode", "api-key", "--", "--settings", settingsArg, "-p", "hi"],
            ["run", "--claude", "true", "--for", forToken, "--", "--settings", settingsArg, "-p", "hi"],
            ["run", "--claude", "true", "--for", forToken, "--force", "--mode", "subscription", "--", "-p", "hi"],
            ["verify", "--claude", Path.Combine(sandbox.Root, "no-such-claude")],
            ["ledger"], ["ledger", "--json"],
            ["usage", "daily", "--json"], ["usage", "daily"], ["usage", "session", "--json"], ["usage", "monthly", "--csv"], ["usage", "blocks", "--json"],
            ["report", "--html", html, "--scan", src], ["report", "--html", html, "--json"],
            ["statusline"], ["statusline", "--json"],
            ["hooks", "install", "--command", Cmd, "--dry-run"], ["hooks", "install", "--command", Cmd, "--dry-run", "--json"],
            ["hooks", "install", "--command", Cmd, "--scope", "project", "--dry-run"],
            ["hooks", "install", "--command", Cmd, "--json"], ["hooks", "uninstall", "--json"], ["hooks", "install", "--command", Cmd], ["hooks", "uninstall"],
            ["scan", src], ["scan", src, "--json"], ["scan", src, "--format", "sarif"], ["scan", src, "--write-baseline", baseline],
            ["decide", "--answers", "yes,no,yes,no,no"], ["policy", "show", "--json"],
        ];
        var found = new List<string>();
        foreach (var args in commands)
        {
            var result = await CliHarness.RunWithInputAsync(sandbox, env, "{}", args);
            found.AddRange(secrets.FoundIn(result.StdOut, $"`seatguard {string.Join(' ', args)}` stdout"));
            found.AddRange(secrets.FoundIn(result.StdErr, $"`seatguard {string.Join(' ', args)}` stderr"));
        }
        var hook = await CliHarness.RunWithInputAsync(sandbox, env, $$"""{"cwd": "{{sandbox.Project}}", "source": "startup"}""", "hook", "session-start");
        hook.StdOut.ShouldContain("systemMessage"); // the repository's settings redirect the base URL: the hook speaks
        found.AddRange(secrets.FoundIn(hook.StdOut + hook.StdErr, "`seatguard hook session-start`"));

        found.AddRange(secrets.FoundInFiles(sandbox.Root, files));
        Directory.EnumerateFiles(sandbox.ClaudeDir, "settings.json.seatguard-backup-*").ShouldNotBeEmpty("hooks install made a backup that the check covered");
        File.Exists(Path.Combine(env["SEATGUARD_DATA_DIR"], "ledger.db")).ShouldBeTrue("the launches were recorded, and the ledger was checked");
        found.ShouldBeEmpty(string.Join("\n", found));
    }
}
