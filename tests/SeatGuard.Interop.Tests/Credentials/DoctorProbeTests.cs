using SeatGuard.Core.Common;
using System.Text.Json;
using SeatGuard.Core.Credentials;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Credentials;

/// <summary>Bar doctor-probe: `doctor --probe` runs the real CLI against its own loopback endpoint and reports what it saw.</summary>
public sealed class DoctorProbeTests
{
    private static async Task<(CliResult Result, JsonElement Json)> ProbeAsync(SandboxHome sandbox, Dictionary<string, string> env)
    {
        var result = await CliHarness.RunAsync(sandbox, env, "doctor", "--probe", "--json", "--claude", ToolPaths.Claude);
        return (result, JsonDocument.Parse(result.StdOut).RootElement.Clone());
    }

    [Fact]
    public async Task ProbeObservesSubscriptionTokenAndAgrees()
    {
        using var sandbox = new SandboxHome();
        var token = FakeTokens.OAuthToken();
        var (result, json) = await ProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = token });
        result.ExitCode.ShouldBe(0, result.ToString());
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe(CredentialKind.OAuthToken.Name());
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        probe.GetProperty("claudeVersion").GetString().ShouldBe(ToolPaths.ClaudeVersion);
        probe.GetProperty("apiKeySource").GetString().ShouldBe("none");
        probe.GetProperty("rateLimitEvent").GetBoolean().ShouldBeTrue();
        result.StdOut.ShouldNotContain(token[FakeTokens.OAuthPrefix.Length..]);
    }

    [Fact]
    public async Task ProbeSeesSettingsKeyShadowingTheSubscriptionDespiteEmptyEnvironmentKey()
    {
        using var sandbox = new SandboxHome();
        var key = FakeTokens.ApiKey();
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_API_KEY", key));
        var (result, json) = await ProbeAsync(sandbox, new() { ["ANTHROPIC_API_KEY"] = "", ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("verdict").GetString().ShouldBe("api-key");
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe(CredentialKind.ApiKey.Name());
        probe.GetProperty("apiKeySource").GetString().ShouldBe("ANTHROPIC_API_KEY");
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        result.StdOut.ShouldNotContain(key[FakeTokens.ApiKeyPrefix.Length..]);
    }

    [Fact]
    public async Task ProbeOverridesARepositoryBaseUrlSoNothingLeavesTheMachine()
    {
        using var sandbox = new SandboxHome();
        await using var decoy = await MessagesApiStandIn.StartAsync();
        sandbox.WriteProjectSettings(SandboxHome.EnvSettings("ANTHROPIC_BASE_URL", decoy.BaseUrl));
        var (_, json) = await ProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        json.GetProperty("probe").GetProperty("observed").GetString().ShouldBe(CredentialKind.OAuthToken.Name());
        decoy.Requests.ShouldBeEmpty();
    }

    [Fact]
    public async Task ProbeWithNothingConfiguredReportsNoneAndAgrees()
    {
        using var sandbox = new SandboxHome();
        var (result, json) = await ProbeAsync(sandbox, new());
        result.ExitCode.ShouldBe(0);
        json.GetProperty("verdict").GetString().ShouldBe("none");
        json.GetProperty("probe").GetProperty("observed").GetString().ShouldBe("none");
        json.GetProperty("probe").GetProperty("agrees").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task MissingClaudeIsAClearMessageNotACrash()
    {
        using var sandbox = new SandboxHome();
        var result = await CliHarness.RunAsync(sandbox, new(), "doctor", "--probe", "--claude", Path.Combine(sandbox.Root, "no-such-claude"));
        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("Claude Code was not found");
        result.StdErr.ShouldNotContain("   at ");
    }

    // ---- The probe runs nothing the inspected directory defines, and only talks to its own listener (issue 13). ----

    private static object HookSettings(string marker) => new Dictionary<string, object>
    {
        ["hooks"] = new Dictionary<string, object>
        {
            ["SessionStart"] = new[] { new Dictionary<string, object> { ["hooks"] = new[] { new Dictionary<string, string> { ["type"] = "command", ["command"] = $"touch '{marker}-session'" } } } },
            ["UserPromptSubmit"] = new[] { new Dictionary<string, object> { ["hooks"] = new[] { new Dictionary<string, string> { ["type"] = "command", ["command"] = $"touch '{marker}-prompt'" } } } },
        },
    };

    [Fact]
    public async Task ProbeRunsNoHookOfTheRepositoryOrTheUser()
    {
        using var sandbox = new SandboxHome();
        var marker = Path.Combine(sandbox.Root, "hook-ran");
        sandbox.WriteProjectSettings(HookSettings(marker + "-project"));
        sandbox.WriteUserSettings(HookSettings(marker + "-user"));
        var oauth = FakeTokens.OAuthToken();

        // Control: the real claude runs these hooks in -p, so the assertion below can fail.
        await using (var standIn = await MessagesApiStandIn.StartAsync())
        {
            await ClaudeRunner.PingAsync(sandbox, standIn, new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth });
        }
        File.Exists(marker + "-project-session").ShouldBeTrue("control: claude -p runs a project SessionStart hook");
        File.Exists(marker + "-project-prompt").ShouldBeTrue("control: claude -p runs a project UserPromptSubmit hook");
        foreach (var f in Directory.GetFiles(sandbox.Root, "hook-ran*")) File.Delete(f);

        var (_, json) = await ProbeAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = oauth });
        json.GetProperty("probe").GetProperty("observed").GetString().ShouldBe("oauth-token");
        json.GetProperty("probe").GetProperty("agrees").GetBoolean().ShouldBeTrue();
        Directory.GetFiles(sandbox.Root, "hook-ran*").ShouldBeEmpty();
    }

    [Fact]
    public async Task ProbeReportsTheRepositoryHelperWithoutRunningIt()
    {
        using var sandbox = new SandboxHome();
        var marker = Path.Combine(sandbox.Root, "helper-ran");
        sandbox.WriteProjectSettings(new Dictionary<string, string> { ["apiKeyHelper"] = $"touch '{marker}'; echo {FakeTokens.ApiKey()}" });
        var env = new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() };

        var (result, json) = await ProbeAsync(sandbox, env);
        File.Exists(marker).ShouldBeFalse();
        var probe = json.GetProperty("probe");
        probe.GetProperty("observed").GetString().ShouldBe("api-key-helper");
        probe.GetProperty("helperRun").GetBoolean().ShouldBeFalse();
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();
        json.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ShouldContain("probe-helper-not-run");
        result.ExitCode.ShouldBe(1, "the repository helper shadows the subscription: an error finding");

        var trusted = await CliHarness.RunAsync(sandbox, env, "doctor", "--probe", "--trust-project", "--json", "--claude", ToolPaths.Claude);
        File.Exists(marker).ShouldBeTrue("--trust-project lets the probe run the repository's helper");
        JsonDocument.Parse(trusted.StdOut).RootElement.GetProperty("probe").GetProperty("helperRun").GetBoolean().ShouldBeTrue();
    }

    [Fact]
    public async Task ProbeSendsNothingToAProxyFromTheEnvironmentOrTheRepository()
    {
        using var sandbox = new SandboxHome();
        using var proxy = new ConnectionCounter();
        var proxyUrl = $"http://127.0.0.1:{proxy.Port}";
        sandbox.WriteProjectSettings(new Dictionary<string, object> { ["env"] = new Dictionary<string, string> { ["HTTPS_PROXY"] = proxyUrl, ["HTTP_PROXY"] = proxyUrl } });
        var env = new Dictionary<string, string>
        {
            ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken(),
            ["HTTPS_PROXY"] = proxyUrl, ["HTTP_PROXY"] = proxyUrl, ["ALL_PROXY"] = proxyUrl,
            ["https_proxy"] = proxyUrl, ["http_proxy"] = proxyUrl, ["all_proxy"] = proxyUrl,
            ["NO_PROXY"] = "", ["no_proxy"] = "",
        };
        var (_, json) = await ProbeAsync(sandbox, env);
        proxy.Connections.ShouldBe(0);
        var probe = json.GetProperty("probe");
        probe.GetProperty("reachedListener").GetBoolean().ShouldBeTrue();
        probe.GetProperty("observed").GetString().ShouldBe("oauth-token");
        probe.GetProperty("agrees").GetBoolean().ShouldBeTrue();

        // Control: a plain claude -p with these variables does talk to the proxy.
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var plain = ClaudeRunner.Environment(sandbox, standIn);
        foreach (var (k, v) in env) plain[k] = v;
        try { await ProcessRunner.RunAsync(ToolPaths.Claude, ["-p", "ping", "--no-session-persistence", "--max-turns", "1"], plain, sandbox.Project, timeout: TimeSpan.FromSeconds(15)); }
        catch (TimeoutException) { }
        proxy.Connections.ShouldBeGreaterThan(0, "control: claude sends the loopback request to the proxy");
    }

    [Fact]
    public async Task ProbeSaysSoWhenTheRequestDidNotReachItsListener()
    {
        using var sandbox = new SandboxHome();
        // A claude that reports a finished request without sending one (as when a proxy or a pinned base URL swallows it).
        var fake = sandbox.WriteText(Path.Combine(sandbox.Root, "fake-claude"), """
            #!/bin/sh
            echo '{"type":"system","subtype":"init","apiKeySource":"none","claude_code_version":"9.9.9","session_id":"s"}'
            echo '{"type":"result","subtype":"success","is_error":false,"result":"pong","session_id":"s"}'
            """.Replace("            ", ""));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = await CliHarness.RunAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor", "--probe", "--json", "--claude", fake);
        var probe = JsonDocument.Parse(result.StdOut).RootElement.GetProperty("probe");
        probe.GetProperty("reachedListener").GetBoolean().ShouldBeFalse();
        probe.GetProperty("agrees").GetBoolean().ShouldBeFalse();
        probe.GetProperty("error").GetString().ShouldNotBeNull().ShouldContain("did not reach SeatGuard's listener");
    }

    [Fact]
    public async Task DisagreementIsSaidOnTheFirstLineAndExitsOne()
    {
        using var sandbox = new SandboxHome();
        // A claude that sends a credential SeatGuard did not predict: an API key nobody configured.
        var key = FakeTokens.ApiKey();
        var fake = sandbox.WriteText(Path.Combine(sandbox.Root, "fake-claude"), $$"""
            #!/bin/sh
            base=$(printf '%s' "$ANTHROPIC_BASE_URL")
            curl -s -o /dev/null -X POST -H 'x-api-key: {{key}}' -H 'content-type: application/json' -d '{}' "$base/v1/messages"
            echo '{"type":"system","subtype":"init","apiKeySource":"ANTHROPIC_API_KEY","claude_code_version":"9.9.9","session_id":"s"}'
            echo '{"type":"result","subtype":"success","is_error":false,"result":"pong","session_id":"s"}'
            """.Replace("            ", ""));
        File.SetUnixFileMode(fake, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var result = await CliHarness.RunAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor", "--probe", "--claude", fake);
        result.ExitCode.ShouldBe(1);
        var first = result.StdOut.Split('\n')[0];
        first.ShouldContain("The real Claude Code disagrees with SeatGuard");
        first.ShouldContain("api-key");

        var expect = await CliHarness.RunAsync(sandbox, new() { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() }, "doctor", "--probe", "--expect", "api-key", "--claude", fake);
        expect.ExitCode.ShouldBe(3, "--expect keeps exit 3 for a verdict mismatch");
    }

    /// <summary>A loopback listener that only counts the connections it gets (a proxy that must stay idle).</summary>
    private sealed class ConnectionCounter : IDisposable
    {
        private readonly System.Net.Sockets.TcpListener _listener = new(System.Net.IPAddress.Loopback, 0);
        private int _connections;

        public ConnectionCounter()
        {
            _listener.Start();
            _ = Task.Run(async () =>
            {
                while (true)
                {
                    try
                    {
                        using var client = await _listener.AcceptTcpClientAsync();
                        Interlocked.Increment(ref _connections);
                    }
                    catch (Exception e) when (e is System.Net.Sockets.SocketException or ObjectDisposedException or InvalidOperationException) { return; }
                }
            });
        }

        public int Port => ((System.Net.IPEndPoint)_listener.LocalEndpoint).Port;
        public int Connections => Volatile.Read(ref _connections);
        public void Dispose() => _listener.Stop();
    }
}
