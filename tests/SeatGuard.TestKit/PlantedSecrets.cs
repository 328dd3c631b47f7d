using System.Text;
using System.Text.Json.Nodes;

namespace SeatGuard.TestKit;

/// <summary>
/// Distinctive secrets (random, built at run time) planted in every place a credential can live — the
/// environment, settings at every scope (env blocks, helpers, headers, a base URL's userinfo and query),
/// the /login file, ~/.claude.json, shell startup files, a transcript, files of a repository — and the check
/// that none of them (nor a slice of one) appears in any byte SeatGuard wrote.
/// </summary>
public sealed class PlantedSecrets
{
    private readonly List<(string Where, string Value)> _all = [];

    public IReadOnlyList<(string Where, string Value)> All => _all;

    /// <summary>A new secret, remembered under <paramref name="where"/>: <paramref name="prefix"/> + a random body that no other text contains.</summary>
    public string New(string where, string prefix = "", int length = 36)
    {
        var value = prefix + "Pl4nt" + FakeTokens.Body(length).Replace('-', 'q').Replace('_', 'Z');
        _all.Add((where, value));
        return value;
    }

    /// <summary>The markers a leak would show: the whole secret and a slice from its middle (so a half-redacted form also counts).</summary>
    private static IEnumerable<string> Needles(string secret)
    {
        yield return secret;
        int start = Math.Max(0, secret.IndexOf("Pl4nt", StringComparison.Ordinal) + 5);
        if (secret.Length - start >= 16) yield return secret.Substring(start + 2, 12);
    }

    /// <summary>The planted secrets found in <paramref name="text"/>, described for an assertion message.</summary>
    public IReadOnlyList<string> FoundIn(string text, string what)
    {
        var found = new List<string>();
        foreach (var (where, value) in _all)
        {
            foreach (var needle in Needles(value))
            {
                int i = text.IndexOf(needle, StringComparison.Ordinal);
                if (i < 0) continue;
                var context = text.Substring(Math.Max(0, i - 60), Math.Min(text.Length - Math.Max(0, i - 60), needle.Length + 120)).ReplaceLineEndings(" ");
                found.Add($"{what}: the secret planted in {where} appears: …{context}…");
                break;
            }
        }
        return found;
    }

    /// <summary>The planted secrets found in any file under <paramref name="root"/> that is not one of <paramref name="planted"/> as planted (read as UTF-8 and UTF-16).</summary>
    public IReadOnlyList<string> FoundInFiles(string root, IReadOnlyDictionary<string, byte[]> planted)
    {
        var found = new List<string>();
        foreach (var file in Directory.EnumerateFiles(root, "*", new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = true }))
        {
            if (new FileInfo(file).LinkTarget is not null) continue;
            byte[] bytes;
            try { bytes = File.ReadAllBytes(file); }
            catch (IOException) { continue; }
            if (planted.TryGetValue(file, out var original) && original.AsSpan().SequenceEqual(bytes)) continue; // the user's own file, untouched
            if (planted.ContainsKey(file)) continue; // the user's own file, changed by SeatGuard on purpose (hooks install): its backup is checked
            found.AddRange(FoundIn(Encoding.UTF8.GetString(bytes), "file " + file));
            found.AddRange(FoundIn(Encoding.Unicode.GetString(bytes), "file (UTF-16) " + file));
        }
        return found;
    }

    /// <summary>
    /// Plants secrets everywhere a credential can live in <paramref name="sandbox"/> and returns the environment to run with.
    /// <paramref name="files"/> receives every file planted (with its bytes) so that the user's own files are told apart from SeatGuard's.
    /// </summary>
    public Dictionary<string, string> PlantEverywhere(SandboxHome sandbox, Dictionary<string, byte[]> files, bool withBaseUrlUserinfo = true)
    {
        var env = new Dictionary<string, string>
        {
            ["ANTHROPIC_API_KEY"] = New("env ANTHROPIC_API_KEY", "sk-ant-api03-"),
            ["CLAUDE_CODE_OAUTH_TOKEN"] = New("env CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01-"),
            ["ANTHROPIC_AUTH_TOKEN"] = New("env ANTHROPIC_AUTH_TOKEN (no known shape)"),
            ["MY_SERVICE_TOKEN"] = New("env MY_SERVICE_TOKEN"),
            ["DB_PASSWORD"] = New("env DB_PASSWORD", length: 14),
            ["ANTHROPIC_CUSTOM_HEADERS"] = "Authorization: Bearer " + New("env ANTHROPIC_CUSTOM_HEADERS"),
            ["SEATGUARD_DATA_DIR"] = Path.Combine(sandbox.Home, ".local", "share", "seatguard"),
        };
        if (withBaseUrlUserinfo)
            env["ANTHROPIC_BASE_URL"] = $"https://gw-user:{New("env ANTHROPIC_BASE_URL password", length: 20)}@gateway.example.com/v1/{New("env ANTHROPIC_BASE_URL path", length: 32)}?key={New("env ANTHROPIC_BASE_URL query")}";

        Plant(files, sandbox.WriteText(sandbox.UserSettingsPath, new JsonObject
        {
            ["env"] = new JsonObject
            {
                ["ANTHROPIC_API_KEY"] = New("user settings ANTHROPIC_API_KEY (no known shape)"),
                ["CUSTOM_SERVICE_KEY"] = New("user settings CUSTOM_SERVICE_KEY"),
                ["SOME_SECRET"] = New("user settings SOME_SECRET"),
                ["ANTHROPIC_CUSTOM_HEADERS"] = "x-gateway-key: " + New("user settings ANTHROPIC_CUSTOM_HEADERS"),
            },
            ["apiKeyHelper"] = "echo " + New("user settings apiKeyHelper command"),
            ["otelHeadersHelper"] = "printf 'Authorization=Basic " + New("user settings otelHeadersHelper command") + "'",
            ["awsAuthRefresh"] = "aws-login --token " + New("user settings awsAuthRefresh command"),
        }.ToJsonString()));
        Plant(files, sandbox.WriteText(sandbox.ProjectSettingsPath, new JsonObject
        {
            ["env"] = new JsonObject
            {
                ["ANTHROPIC_BASE_URL"] = $"https://ci:{New("project settings ANTHROPIC_BASE_URL password", length: 20)}@proxy.example.net/?token={New("project settings ANTHROPIC_BASE_URL query")}",
                ["ANTHROPIC_AUTH_TOKEN"] = New("project settings ANTHROPIC_AUTH_TOKEN"),
            },
        }.ToJsonString()));
        Plant(files, sandbox.WriteText(sandbox.LocalSettingsPath, new JsonObject
        {
            ["env"] = new JsonObject { ["X_PASSWORD"] = New("local settings X_PASSWORD", length: 16), ["CLAUDE_CODE_OAUTH_TOKEN"] = New("local settings CLAUDE_CODE_OAUTH_TOKEN", "sk-ant-oat01-") },
        }.ToJsonString()));
        Plant(files, sandbox.WriteLoginCredentials(New("/login accessToken", "sk-ant-oat01-"), refreshToken: New("/login refreshToken", "sk-ant-ort01-")));
        Plant(files, sandbox.WriteText(Path.Combine(sandbox.Home, ".claude.json"), new JsonObject { ["primaryApiKey"] = New("~/.claude.json primaryApiKey", "sk-ant-api03-") }.ToJsonString()));
        Plant(files, sandbox.WriteText(Path.Combine(sandbox.Home, ".bashrc"), $"export ANTHROPIC_API_KEY={New("~/.bashrc export", "sk-ant-api03-")}\nexport GITHUB_TOKEN={New("~/.bashrc GITHUB_TOKEN", "ghp_")}\n"));

        // A transcript whose conversation quotes secrets: usage reports must not repeat conversation text.
        var project = Path.Combine(sandbox.ClaudeDir, "projects", "-home-me-app");
        var now = DateTimeOffset.UtcNow.AddHours(-1).ToString("yyyy-MM-ddTHH:mm:ss.fffZ", System.Globalization.CultureInfo.InvariantCulture);
        var lines = new[]
        {
            new JsonObject { ["type"] = "user", ["timestamp"] = now, ["sessionId"] = "s1", ["cwd"] = sandbox.Project, ["message"] = new JsonObject { ["role"] = "user", ["content"] = "my key is " + New("transcript user message") } },
            new JsonObject
            {
                ["type"] = "assistant", ["timestamp"] = now, ["sessionId"] = "s1", ["requestId"] = "req_1", ["cwd"] = sandbox.Project,
                ["message"] = new JsonObject
                {
                    ["id"] = "msg_1", ["model"] = "claude-sonnet-4-5-20250929", ["role"] = "assistant",
                    ["content"] = new JsonArray(new JsonObject { ["type"] = "text", ["text"] = "noted " + New("transcript assistant text") }),
                    ["usage"] = new JsonObject { ["input_tokens"] = 10, ["output_tokens"] = 5, ["cache_creation_input_tokens"] = 0, ["cache_read_input_tokens"] = 0 },
                },
            },
        };
        Plant(files, sandbox.WriteText(Path.Combine(project, "s1.jsonl"), string.Join("\n", lines.Select(l => l.ToJsonString())) + "\n"));

        // A repository with committed secrets (scan reports them redacted).
        var repo = Path.Combine(sandbox.Project, "src");
        Plant(files, sandbox.WriteText(Path.Combine(repo, "deploy.sh"), $"export ANTHROPIC_API_KEY={New("repository file", "sk-ant-api03-", 93)}AA\nclaude -p hi\n"));
        Plant(files, sandbox.WriteText(Path.Combine(repo, "ci.env"), $"CLAUDE_CODE_OAUTH_TOKEN={New("repository env file", "sk-ant-oat01-", 95)}\n"));
        return env;
    }

    private static void Plant(Dictionary<string, byte[]> files, string path) => files[Path.GetFullPath(path)] = File.ReadAllBytes(path);
}
