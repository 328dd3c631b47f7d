using System.Text.Json.Nodes;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// How the probe (and the matrix) start the real Claude Code so that it runs nothing the inspected directory chooses
/// and sends its one request only to SeatGuard's own listener:
/// <list type="bullet">
/// <item>the environment loses every proxy variable (<c>HTTPS_PROXY</c>, <c>HTTP_PROXY</c>, <c>ALL_PROXY</c>, any case)
/// and gets <c>NO_PROXY=127.0.0.1,localhost,::1</c> (measured on 2.1.332: with a proxy variable set, the loopback
/// request goes to the proxy, Authorization header and all);</item>
/// <item>a <c>--settings</c> layer, which beats user, project and local settings, pins <c>ANTHROPIC_BASE_URL</c> to the
/// listener, blanks the proxy variables a repository's <c>env</c> block could set, turns hooks off
/// (<c>disableAllHooks</c>: measured, a project's SessionStart and UserPromptSubmit hooks then do not run), turns off
/// telemetry and the repository's plugins, and pins the variables that steer child processes (<c>PATH</c>,
/// <c>SHELL</c>, <c>LD_PRELOAD</c>, …) to the user's own values;</item>
/// <item>no tools, no MCP server but an empty <c>--mcp-config</c> (<c>--strict-mcp-config</c>), no session file, and git
/// told through the environment not to run the repository's fsmonitor, pager, hooks or signature programs;</item>
/// <item>an apiKeyHelper from the repository's settings is replaced by a stand-in that prints a marker, unless the
/// user trusts the project: the marker on the wire proves the helper slot wins without running the repository's command.</item>
/// </list>
/// </summary>
public static class ProbeLaunch
{
    /// <summary>The <c>NO_PROXY</c> value a probe run gets: loopback addresses are never sent through a proxy.</summary>
    public const string NoProxy = "127.0.0.1,localhost,::1";

    /// <summary>The fixed arguments of a probe run: one tiny request, stream-json events, nothing persisted, no tools or MCP servers.</summary>
    public static readonly string[] PingArguments =
    [
        "-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", "--tools", "", "--max-turns", "1",
        "--strict-mcp-config", "--mcp-config", """{"mcpServers":{}}""",
    ];

    /// <summary>Variables that steer the programs Claude Code starts; a repository's <c>env</c> block must not set them for the probe.</summary>
    private static readonly string[] PinnedFromUser = ["PATH", "SHELL", "LD_PRELOAD", "LD_LIBRARY_PATH", "DYLD_INSERT_LIBRARIES", "DYLD_LIBRARY_PATH", "NODE_OPTIONS", "BASH_ENV", "ENV", "CLAUDE_CODE_SHELL", "CLAUDE_CODE_SHELL_PREFIX"];

    /// <summary>git configuration given through the environment, which beats the repository's own <c>.git/config</c>.</summary>
    private static readonly (string Key, string Value)[] GitOverrides =
    [
        ("core.fsmonitor", "false"), ("core.hooksPath", "/dev/null"), ("core.pager", "cat"), ("log.showSignature", "false"),
        ("diff.external", ""), ("core.sshCommand", "ssh"), ("protocol.ext.allow", "never"), ("core.untrackedCache", "false"),
    ];

    /// <summary>The child's environment: <paramref name="env"/> without proxies, with the listener and quiet switches.</summary>
    public static Dictionary<string, string> Environment(IReadOnlyDictionary<string, string> env, string baseUrl)
    {
        var child = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (k, v) in env)
        {
            if (BillingVariables.Proxies.Any(p => p.Equals(k, StringComparison.OrdinalIgnoreCase))) continue;
            if (k.Equals("NO_PROXY", StringComparison.OrdinalIgnoreCase) || k.StartsWith("GIT_CONFIG", StringComparison.Ordinal)) continue;
            child[k] = v;
        }
        child["NO_PROXY"] = NoProxy;
        child["no_proxy"] = NoProxy;
        child[BillingVariables.BaseUrl] = baseUrl;
        child["DISABLE_AUTOUPDATER"] = "1";
        child["DISABLE_TELEMETRY"] = "1";
        child["DISABLE_ERROR_REPORTING"] = "1";
        child["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1";
        child["GIT_CONFIG_NOSYSTEM"] = "1";
        child["GIT_TERMINAL_PROMPT"] = "0";
        child["GIT_CONFIG_COUNT"] = GitOverrides.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (int i = 0; i < GitOverrides.Length; i++)
        {
            child[$"GIT_CONFIG_KEY_{i}"] = GitOverrides[i].Key;
            child[$"GIT_CONFIG_VALUE_{i}"] = GitOverrides[i].Value;
        }
        return child;
    }

    /// <summary>The probe's <c>--settings</c> layer.</summary>
    /// <param name="helperMarker">When set, the apiKeyHelper is replaced by one that prints this marker.</param>
    /// <param name="baseUrl">The probe listener's base URL, pinned in the layer's <c>env</c>.</param>
    /// <param name="userEnv">The user's environment, for the variables pinned to the user's own values.</param>
    /// <param name="inventory">The inspected credential inventory (its layers' enabled plugins are turned off).</param>
    public static JsonObject Settings(string baseUrl, IReadOnlyDictionary<string, string> userEnv, CredentialInventory inventory, string? helperMarker)
    {
        var env = new JsonObject { [BillingVariables.BaseUrl] = baseUrl };
        foreach (var p in BillingVariables.Proxies) env[p] = "";
        env["NO_PROXY"] = NoProxy;
        env["no_proxy"] = NoProxy;
        env["CLAUDE_CODE_ENABLE_TELEMETRY"] = "";
        env["CLAUDE_CODE_DISABLE_GIT_INSTRUCTIONS"] = "1";
        foreach (var name in PinnedFromUser) env[name] = userEnv.TryGetValue(name, out var v) ? v : name == "SHELL" ? "/bin/sh" : "";
        var settings = new JsonObject { ["env"] = env, ["disableAllHooks"] = true };
        var plugins = new JsonObject();
        foreach (var layer in inventory.Layers.Where(l => l.Usable && l.Scope != SettingsScope.Managed))
            foreach (var name in layer.EnabledPlugins) plugins[name] = false;
        if (plugins.Count > 0) settings["enabledPlugins"] = plugins;
        if (helperMarker is not null) settings["apiKeyHelper"] = "echo " + helperMarker;
        return settings;
    }

    /// <summary>Whether the helper that would run comes from the inspected repository (project or local settings).</summary>
    public static bool HelperFromRepository(CredentialInventory inventory) => inventory.Helper?.Source.IsRepositorySettings == true;
}
