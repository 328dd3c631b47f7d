using System.Text;
using System.Text.Json.Nodes;
using CsCheck;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Json;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Integration;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Policy;
using SeatGuard.Core.Scan;
using SeatGuard.Core.Usage;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Fuzz;

/// <summary>
/// Property-based fuzzing of every parser SeatGuard points at files and input it did not write: no unhandled
/// exception (only the parser's own input error, which the CLI turns into one line and exit 2), bounded time per
/// input, and no planted secret in what comes out. See <see cref="Fuzz"/> for seeds and iteration counts.
/// </summary>
[Trait("Category", "Fuzz")]
public sealed class ParserFuzzTests
{
    [Fact]
    public void SettingsFiles() => Fuzz.Run("settings (ClaudeJson, SettingsLayer)", FuzzInputs.JsonBytes, bytes =>
    {
        var layer = SettingsLayer.Parse(SettingsScope.User, "fuzz.json", bytes);
        if (layer.Error is null) layer.Env.ShouldNotBeNull();
        ClaudeJson.Parse(bytes, out _, lenient: true);
        ClaudeJson.ParseObject(bytes, out _);
    }, inSuite: 2000);

    [Fact]
    public void SettingsRedaction()
    {
        // A secret under a credential-bearing name, inside any document: never in the redacted form.
        var gen = Gen.Select(FuzzInputs.Json, Gen.OneOf("ANTHROPIC_API_KEY", "MY_TOKEN", "DB_PASSWORD", "apiKeyHelper", "x_secret", "AWS_SECRET_ACCESS_KEY"),
            Gen.String[Gen.Char.AlphaNumeric, 8, 40], (doc, name, body) => (doc, name, secret: "Zz9" + body));
        Fuzz.Run("settings redaction (Redactor.RedactJson)", gen, t =>
        {
            var node = ClaudeJson.Parse(Encoding.UTF8.GetBytes(t.doc), out var problem);
            if (problem is not null) return;
            var planted = new JsonObject { ["env"] = new JsonObject { [t.name] = t.secret }, ["nested"] = node?.DeepClone(), [t.name] = t.secret };
            var shown = Redactor.RedactJsonText(JsonText.NodeToString(planted));
            shown.ShouldNotContain(t.secret);
            Redactor.Scrub(shown).ShouldBe(shown);
        }, inSuite: 1500);
    }

    [Fact]
    public void CredentialsFile() => Fuzz.Run("credentials file (.credentials.json)", FuzzInputs.JsonBytes, bytes =>
    {
        var path = Fuzz.ScratchFile(".credentials.json");
        File.WriteAllBytes(path, bytes);
        LoginCredentialsFile.Read(path).ShouldNotBeNull();
    }, inSuite: 1500);

    [Fact]
    public void GlobalStateFile() => Fuzz.Run(".claude.json (GlobalStateFile)", FuzzInputs.JsonBytes, bytes =>
    {
        var path = Fuzz.ScratchFile(".claude.json");
        File.WriteAllBytes(path, bytes);
        Core.Credentials.GlobalStateFile.Read(path).ShouldNotBeNull();
    }, inSuite: 1500);

    [Fact]
    public void SeatGuardConfig() => Fuzz.Run("SeatGuard config (config.json)", FuzzInputs.JsonBytes, bytes =>
    {
        var dir = Path.GetDirectoryName(Fuzz.ScratchFile("x"))!;
        Directory.CreateDirectory(Path.Combine(dir, "seatguard"));
        File.WriteAllBytes(Path.Combine(dir, "seatguard", SeatConfig.FileName), bytes);
        var host = new HostContext(new Dictionary<string, string> { ["XDG_CONFIG_HOME"] = dir }, dir, dir, HostOs.Linux);
        try { SeatConfig.Load(host).Owner.ShouldNotBeNull(); }
        catch (InputException) { }
    }, inSuite: 1500);

    [Fact]
    public void Transcripts()
    {
        var source = new TranscriptSource("fuzz.jsonl", "p", "s", false);
        var gen = Gen.Frequency((6, FuzzInputs.JsonLines.Select(s => Encoding.UTF8.GetBytes(s))), (1, Gen.Byte.Array[0, 4096]));
        Fuzz.Run("transcripts (TranscriptParser)", gen, bytes =>
        {
            var scan = TranscriptParser.Scan(new MemoryStream(bytes), source);
            scan.ShouldNotBeNull();
        }, inSuite: 1500);
    }

    [Fact]
    public void StreamJson()
    {
        var secret = "gwZ" + FakeTokens.Body(30).Replace('-', 'a').Replace('_', 'b');
        Redactor.Remember(secret);
        var gen = Gen.Select(FuzzInputs.JsonLines, Gen.Bool, (lines, plant) =>
            plant ? lines + "\n{\"type\":\"result\",\"is_error\":true,\"result\":\"API Error: 401 invalid key " + secret + "\"}" : lines);
        Fuzz.Run("stream-json (StreamJsonObserver)", gen, text =>
        {
            var observation = StreamJsonObserver.ReadAll(text);
            var report = BillingEvidence.Judge(observation, null);
            JsonText.Serialize(report, LaunchJson.Default.VerifyReport).ShouldNotContain(secret);
        }, inSuite: 1000);
    }

    [Fact]
    public void StatusLineAndHookInput()
    {
        var gen = Gen.Frequency((6, FuzzInputs.JsonLike), (1, Gen.String[Gen.Char, 0, 300]));
        Fuzz.Run("status-line and hook stdin (HookInput)", gen, text =>
        {
            var status = HookInput.Parse(text, IntegrationJson.Default.StatusLineInput);
            var start = HookInput.Parse(text, IntegrationJson.Default.SessionStartInput);
            if (status is not null) StatusLine.Render(new SessionBilling(Billing.Subscription, "subscription", Billing.Subscription, [], "x"), status, null, DateTimeOffset.UnixEpoch).ShouldNotBeNull();
            _ = start?.Cwd;
        }, inSuite: 1500);
    }

    [Fact]
    public void StatusLineAndHookCommands()
    {
        // The commands Claude Code runs: whatever arrives on stdin, exit 0; the status line prints exactly one line.
        var gen = Gen.Frequency((6, FuzzInputs.JsonLike), (1, Gen.String[Gen.Char, 0, 300]));
        var sandboxes = new ThreadLocal<SandboxHome>(() => new SandboxHome(), trackAllValues: true);
        try
        {
            Fuzz.Run("statusline / hook session-start commands", gen, text =>
            {
                var sandbox = sandboxes.Value!;
                var line = Sync.Run(CliHarness.RunWithInputAsync(sandbox, null, text, "statusline"));
                line.ExitCode.ShouldBe(0, line.ToString());
                line.StdOut.TrimEnd('\n').ShouldNotContain('\n');
                line.StdOut.ShouldNotBeEmpty();
                var hook = Sync.Run(CliHarness.RunWithInputAsync(sandbox, null, text, "hook", "session-start"));
                hook.ExitCode.ShouldBe(0, hook.ToString());
                if (hook.StdOut.Length > 0) JsonNode.Parse(hook.StdOut).ShouldNotBeNull();
            }, inSuite: 150);
        }
        finally
        {
            foreach (var s in sandboxes.Values) s.Dispose();
        }
    }

    private static readonly PolicyBook Book = PolicyBookLoader.LoadEmbedded();
    private static readonly string EmbeddedPolicy = PolicyBookLoader.ReadEmbedded();

    [Fact]
    public void PolicyYaml() => Fuzz.Run("policy YAML (PolicyBookLoader)", FuzzInputs.Yaml, text =>
    {
        try { PolicyBookLoader.Load([(PolicyBookLoader.EmbeddedName, EmbeddedPolicy), ("fuzz.yaml", text)]).ShouldNotBeNull(); }
        catch (InputException) { }
    }, inSuite: 600);

    [Fact]
    public void ManifestYaml() => Fuzz.Run("setup manifest YAML (SetupManifest)", FuzzInputs.Yaml, text =>
    {
        try { SetupManifest.Parse(text, "fuzz.yaml").Decide(Book).ShouldNotBeNull(); }
        catch (InputException) { }
    }, inSuite: 1500);

    [Fact]
    public void RulesYaml() => Fuzz.Run("rules YAML (RuleBook)", FuzzInputs.Yaml, text =>
    {
        var path = Fuzz.ScratchFile("rules.yaml");
        File.WriteAllText(path, text);
        try { RuleBook.Load(path).Rules.ShouldNotBeEmpty(); }
        catch (InputException) { }
    }, inSuite: 300);

    [Fact]
    public void Baselines() => Fuzz.Run("baselines (Baseline)", FuzzInputs.JsonBytes, bytes =>
    {
        var path = Fuzz.ScratchFile("baseline.json");
        File.WriteAllBytes(path, bytes);
        try { Baseline.Load(path).ShouldNotBeNull(); }
        catch (InputException) { }
    }, inSuite: 1500);

    [Fact]
    public void SettingsArgument()
    {
        var secret = "Zq8" + FakeTokens.Body(30).Replace('-', 'a').Replace('_', 'b');
        var gen = Gen.Select(FuzzInputs.JsonLike, Gen.Bool, (text, plant) =>
        {
            if (!plant) return text;
            if (ClaudeJson.Parse(Encoding.UTF8.GetBytes(text), out var problem) is not JsonObject o || problem is not null) return text;
            o["env"] = new JsonObject { ["ANTHROPIC_AUTH_TOKEN"] = secret, ["X_KEY"] = secret };
            return JsonText.NodeToString(o, indented: false);
        });
        using var sandbox = new SandboxHome();
        var services = sandbox.Services(new Dictionary<string, string> { ["CLAUDE_CODE_OAUTH_TOKEN"] = FakeTokens.OAuthToken() });
        var config = new SeatConfig("user", Billing.Subscription, null);
        Fuzz.Run("--settings argument (LaunchPlanner)", gen, text =>
        {
            try
            {
                var outcome = services.Planner.Plan(services.Host, new LaunchRequest(null, null, false, "claude", ["--settings", text, "-p", "hi"], null), config);
                if (outcome.Plan is { } plan) JsonText.Serialize(plan, LaunchJson.Default.LaunchPlan).ShouldNotContain(secret);
                else outcome.Refusal.ShouldNotBeNull().ShouldNotContain(secret);
            }
            catch (InputException e)
            {
                e.Message.ShouldNotContain(secret);
            }
        }, inSuite: 600);
    }

    [Fact]
    public void IgnoreFiles()
    {
        var piece = Gen.OneOf("*", "**", "?", "[a-c]", "[!x]", "[[:alpha:]]", "a", "b", "/", "\\", "!", "#", " ", ".", "x.log", "[", "]", "\\*");
        var pattern = piece.Array[0, 12].Select(p => string.Concat(p));
        var gen = Gen.Select(pattern.Array[0, 30], Gen.String[Gen.Char["ab/.x[]*?\\é"], 0, 60], (patterns, path) => (text: string.Join("\n", patterns), path));
        Fuzz.Run(".gitignore (IgnoreFile, IgnoreGlob)", gen, t =>
        {
            var rules = IgnoreFile.Parse(t.text);
            var path = t.path.Trim('/');
            if (path.Length == 0) return;
            rules.Match(path, path[(path.LastIndexOf('/') + 1)..], isDirectory: false);
            rules.Match(path, path[(path.LastIndexOf('/') + 1)..], isDirectory: true);
        }, inSuite: 2000);
    }

    [Fact]
    public void ScannedFileDecoding() => Fuzz.Run("scanned-file decoding (EncodedText)", Gen.Frequency((3, FuzzInputs.JsonLike), (1, Gen.String[Gen.Char["c2stYW50LWFwaTAz+/=_-\\u00"], 0, 200])), text =>
    {
        EncodedText.JsonUnescaped(text);
        EncodedText.Base64Values(text, ["c2stYW50LW", "NrLWFudC", "zay1hbnQt"], ["sk-ant-"]);
        EncodedText.Utf16Of(Encoding.Unicode.GetBytes(text), out _);
        EncodedText.Utf16Of(Encoding.UTF8.GetBytes(text), out _);
    }, inSuite: 1500);

    [Fact]
    public void FreeTextScrubbing() => Fuzz.Run("free-text scrubbing (Redactor.Scrub)", FuzzInputs.JsonLike, text =>
    {
        var once = Redactor.Scrub(text);
        Redactor.Scrub(once).ShouldBe(once);
        Redactor.RedactUrl(text).ShouldNotBeNull();
    }, inSuite: 1000);
}

/// <summary>Waits for a task outside a test method (CsCheck properties are synchronous).</summary>
internal static class Sync
{
    public static T Run<T>(Task<T> task) => task.GetAwaiter().GetResult();
}
