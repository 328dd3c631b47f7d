using System.Text;
using System.Text.Json.Nodes;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Credentials.Probe;
using SeatGuard.TestKit;
using Xunit.Abstractions;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>
/// The layers that live outside a home — managed settings in /etc/claude-code (with drop-ins and the login policy) and
/// the cloud sessions' fixed files under /home/claude — measured on the real claude through an overlay in a private
/// mount namespace (the host's /etc and /home are never written), against the model given the same files.
/// </summary>
public sealed class SystemFilesInteropTests(ITestOutputHelper output)
{
    private const string ManagedDir = "/etc";
    private const string ManagedFile = "claude-code/managed-settings.json";

    private sealed record Outcome(BillingResolution Predicted, RecordedRequest? Wire, ProcessResult Result, Func<string, string> Fingerprint);

    private async Task<Outcome> RunAsync(Action<MatrixSandbox> setup, Dictionary<string, string> managedFiles, Dictionary<string, string>? homeFiles = null)
    {
        using var root = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        using var s = new MatrixSandbox(root.Root, "case", standIn.BaseUrl, Environment.GetEnvironmentVariable("PATH") ?? "/usr/bin:/bin", HostOs.Linux);
        setup(s);
        var env = ProbeLaunch.Environment(s.Env, standIn.BaseUrl);

        // The model, given the same managed files (in Claude Code's order) and cloud-session files.
        var layers = new List<SettingsLayer> { SettingsLayer.FromObject(SettingsScope.Flag, "--settings", s.Flag) };
        foreach (var (relative, text) in managedFiles.OrderBy(f => f.Key == ManagedFile ? "" : f.Key, StringComparer.Ordinal))
            layers.Add(SettingsLayer.Parse(SettingsScope.Managed, Path.Combine(ManagedDir, relative), Encoding.UTF8.GetBytes(text)));
        var inventory = new CredentialReader(NoKeychain.Instance).Gather(new HostContext(env, s.Home, s.Project, HostOs.Linux), null, layers);
        foreach (var (relative, text) in homeFiles ?? [])
        {
            var file = new RemoteCredentialFile(Path.Combine("/home", relative), Redactor.Fingerprint(text.Trim()));
            inventory = relative.EndsWith(RemoteCredentialFile.OAuthTokenName, StringComparison.Ordinal) ? inventory with { RemoteOAuthToken = file } : inventory with { RemoteApiKey = file };
        }
        var predicted = BillingResolver.Resolve(inventory);

        var overlays = new Dictionary<string, IReadOnlyDictionary<string, string>> { [ManagedDir] = managedFiles };
        if (homeFiles is not null) overlays["/home"] = homeFiles;
        var (file1, args) = s.Command(ToolPaths.Claude, [.. ProbeLaunch.PingArguments, "--settings", s.Flag.ToJsonString()]);
        var result = await MountNamespace.RunAsync(file1, args, env, s.Project, root.Root, overlays, TimeSpan.FromSeconds(60));
        output.WriteLine(Redactor.Scrub(result.ToString()));
        result.ExitCode.ShouldNotBe(97, "the overlay could not be mounted");
        return new Outcome(predicted, standIn.MessageRequests.FirstOrDefault(), result, Redactor.Fingerprint);
    }

    private static string Managed(JsonObject json) => json.ToJsonString();

    [MountNamespaceFact]
    public async Task ManagedEnvBeatsTheFlagAndTheLocalSettings()
    {
        var managedKey = FakeTokens.ApiKey();
        var o = await RunAsync(s =>
        {
            s.LocalSettings(MatrixSandbox.EnvBlock("ANTHROPIC_API_KEY", s.Key("KEY_LOCAL")));
            ((JsonObject)s.Flag["env"]!)["ANTHROPIC_API_KEY"] = s.Key("KEY_FLAG");
        }, new() { [ManagedFile] = Managed(MatrixSandbox.EnvBlock("ANTHROPIC_API_KEY", managedKey)) });
        o.Wire.ShouldNotBeNull(o.Result.ToString()).ApiKey.ShouldBe(managedKey);
        o.Predicted.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:managed", o.Fingerprint(managedKey)));
    }

    [MountNamespaceFact]
    public async Task ManagedKeyAndDropInsApplyInClaudeCodesOrder()
    {
        var keys = new Dictionary<string, string> { ["base"] = FakeTokens.ApiKey(), ["a"] = FakeTokens.ApiKey(), ["b"] = FakeTokens.ApiKey() };
        var files = new Dictionary<string, string>
        {
            [ManagedFile] = Managed(MatrixSandbox.EnvBlock("ANTHROPIC_API_KEY", keys["base"])),
            ["claude-code/managed-settings.d/10-a.json"] = Managed(MatrixSandbox.EnvBlock("ANTHROPIC_API_KEY", keys["a"])),
            ["claude-code/managed-settings.d/20-b.json"] = Managed(MatrixSandbox.EnvBlock("ANTHROPIC_API_KEY", keys["b"])),
        };
        var o = await RunAsync(s => { ((JsonObject)s.Flag["env"]!)["ANTHROPIC_API_KEY"] = s.Key("KEY_FLAG"); s.Set("CLAUDE_CODE_OAUTH_TOKEN", s.OAuth()); }, files);
        o.Wire.ShouldNotBeNull(o.Result.ToString()).ApiKey.ShouldBe(keys["b"]);
        o.Predicted.Winner.Contract().ShouldBe((CredentialKind.ApiKey, "settings:managed", o.Fingerprint(keys["b"])));
    }

    [MountNamespaceFact]
    public async Task ForcedClaudeAiLoginRefusesAnApiKeyAndTakesASubscription()
    {
        var files = new Dictionary<string, string> { [ManagedFile] = """{"forceLoginMethod":"claudeai"}""" };
        var refused = await RunAsync(s => s.Set("ANTHROPIC_API_KEY", s.Key()).Set("CLAUDE_CODE_OAUTH_TOKEN", s.OAuth()), files);
        refused.Wire.ShouldBeNull();
        refused.Result.ExitCode.ShouldNotBe(0);
        refused.Predicted.Verdict.ShouldBe(Billing.None);
        refused.Predicted.Refused.ShouldNotBeNull().Kind.ShouldBe(CredentialKind.ApiKey);

        var oauth = FakeTokens.OAuthToken();
        var allowed = await RunAsync(s => s.Set("CLAUDE_CODE_OAUTH_TOKEN", oauth), files);
        allowed.Wire.ShouldNotBeNull().BearerToken.ShouldBe(oauth);
        allowed.Predicted.Winner.Kind.ShouldBe(CredentialKind.OAuthToken);
    }

    [MountNamespaceFact]
    public async Task AnOrganizationPinRefusesAnApiKey()
    {
        var files = new Dictionary<string, string> { [ManagedFile] = """{"forceLoginOrgUUID":"00000000-0000-4000-8000-0000000000cc"}""" };
        var o = await RunAsync(s => s.Set("ANTHROPIC_API_KEY", s.Key()), files);
        o.Wire.ShouldBeNull();
        o.Predicted.Verdict.ShouldBe(Billing.None);
    }

    [MountNamespaceFact]
    public async Task AManagedFileThatDoesNotParseStopsClaudeCode()
    {
        var files = new Dictionary<string, string> { [ManagedFile] = "{ // not JSON\n \"env\": {}}" };
        var o = await RunAsync(s => s.Set("CLAUDE_CODE_OAUTH_TOKEN", s.OAuth()), files);
        o.Wire.ShouldBeNull();
        o.Predicted.Refusal.ShouldNotBeNull().ShouldContain("managed settings");
    }

    [MountNamespaceFact]
    public async Task TheCloudSessionTokenFileBeatsLoginAnywhere()
    {
        var token = FakeTokens.OAuthToken();
        var o = await RunAsync(s => s.Login(), new() { [ManagedFile] = "{}" }, new() { ["claude/.claude/remote/.oauth_token"] = token });
        o.Wire.ShouldNotBeNull().BearerToken.ShouldBe(token);
        o.Predicted.Winner.Contract().ShouldBe((CredentialKind.OAuthToken, "file:/home/claude/.claude/remote/.oauth_token", o.Fingerprint(token)));
    }

    [MountNamespaceFact]
    public async Task TheCloudSessionKeyFileIsAnApiKey()
    {
        var key = FakeTokens.ApiKey();
        var o = await RunAsync(s => s.Set("CLAUDE_CODE_OAUTH_TOKEN", s.OAuth()), new() { [ManagedFile] = "{}" }, new() { ["claude/.claude/remote/.api_key"] = key });
        o.Wire.ShouldNotBeNull().ApiKey.ShouldBe(key);
        o.Predicted.Winner.Fingerprint.ShouldBe(o.Fingerprint(key));
    }
}
