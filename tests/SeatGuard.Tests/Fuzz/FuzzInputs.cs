using System.Text;
using CsCheck;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Fuzz;

/// <summary>
/// Generators of hostile inputs for the parsers: JSON text built from the keys SeatGuard reads (so inputs reach deep
/// into the readers), with odd values (lone surrogate escapes, NULs, huge numbers, duplicate keys, comments, trailing
/// commas, deep nesting), the same text mutated at random, and raw bytes.
/// </summary>
internal static class FuzzInputs
{
    public static readonly string[] Keys =
    [
        "env", "apiKeyHelper", "ANTHROPIC_API_KEY", "ANTHROPIC_AUTH_TOKEN", "CLAUDE_CODE_OAUTH_TOKEN", "ANTHROPIC_BASE_URL", "CLAUDE_CODE_USE_BEDROCK",
        "ANTHROPIC_CUSTOM_HEADERS", "MY_SERVICE_TOKEN", "claudeAiOauth", "accessToken", "refreshToken", "expiresAt", "scopes", "subscriptionType",
        "primaryApiKey", "customApiKeyResponses", "approved", "rejected", "owner", "expectedMode", "statusLine", "hooks", "SessionStart",
        "type", "command", "model", "workspace", "current_dir", "cwd", "source", "session_id", "sessionId", "display_name", "cost",
        "total_cost_usd", "rate_limits", "five_hour", "used_percentage", "resets_at", "message", "usage", "input_tokens", "output_tokens",
        "cache_creation_input_tokens", "cache_read_input_tokens", "timestamp", "requestId", "id", "result", "is_error", "apiKeySource",
        "subtype", "rate_limit_info", "status", "rateLimitType", "utilization", "isUsingOverage", "findings", "fingerprint", "rule",
        "path", "line", "version", "costUSD", "isSidechain", "isApiErrorMessage", "content", "text", "otelHeadersHelper",
    ];

    private static readonly string[] Words =
    [
        "", "x", "subscription", "api-key", "user:inference", "max", "pro", "assistant", "user", "system", "init", "result", "success",
        "error_during_execution", "rate_limit_event", "five_hour", "allowed", "rejected", "claude-sonnet-4-5-20250929", "2026-11-30T10:00:00Z",
        "9999-12-31T23:59:59.999Z", "0001-01-01T00:00:00Z", "https://user:pw@gw.example/v1?key=abc", "/tmp", "..", "none", "\u00e9\u4e2d",
        "sk-ant-oat01-", "sk-ant-api03-", "echo hi", "ANTHROPIC_API_KEY", "true", "1", "startup", "compact",
    ];

    private static readonly string[] Numbers = ["0", "-1", "1", "1.5", "-0", "1e400", "-1e400", "123456789012345678901234567890", "9223372036854775807", "253402300799999", "1e-400", "0.1e2"];

    /// <summary>Raw JSON string literals, escapes included: lone surrogates, NUL, control characters, quotes.</summary>
    private static readonly Gen<string> StringLiteral = Gen.Frequency(
        (6, Gen.OneOf(Words).Select(w => JsonLiteral(w))),
        (3, Gen.OneOf(Keys).Select(w => JsonLiteral(w))),
        (3, Gen.String[Gen.Char, 0, 24].Select(JsonLiteral)),
        (2, Gen.OneOf("\"\\ud800\"", "\"\\udc00x\"", "\"\\u0000\"", "\"a\\u001b[31mb\"", "\"\\\"\"", "\"\\\\\"", "\"\\/\"", "\"\\u202e\"", "\"line\\nbreak\"")),
        (1, Gen.Int[1000, 20_000].Select(n => "\"" + new string('a', n) + "\"")),
        (1, Gen.Const(() => JsonLiteral(FakeTokens.OAuthToken()))));

    private static string JsonLiteral(string s) => System.Text.Json.JsonSerializer.Serialize(s);

    private static readonly Gen<string>[] ByDepth = BuildValues(4);

    private static Gen<string>[] BuildValues(int maxDepth)
    {
        var gens = new Gen<string>[maxDepth + 1];
        var scalar = Gen.Frequency((4, StringLiteral), (2, Gen.OneOf(Numbers)), (1, Gen.OneOf("true", "false", "null")));
        gens[0] = scalar;
        for (int d = 1; d <= maxDepth; d++)
        {
            var inner = gens[d - 1];
            var key = Gen.Frequency((5, Gen.OneOf(Keys).Select(k => JsonLiteral(k))), (1, StringLiteral));
            var pair = Gen.Select(key, inner, (k, v) => k + ":" + v);
            var obj = pair.Array[0, 6].Select(Gen.Bool, (ps, trailing) => "{" + string.Join(",", ps) + (trailing && ps.Length > 0 ? "," : "") + "}");
            var dup = Gen.Select(Gen.OneOf(Keys), inner, inner, (k, a, b) => "{" + JsonLiteral(k) + ":" + a + "," + JsonLiteral(k) + ":" + b + "}");
            var arr = inner.Array[0, 5].Select(items => "[" + string.Join(",", items) + "]");
            gens[d] = Gen.Frequency((3, obj), (1, dup), (2, arr), (2, scalar));
        }
        return gens;
    }

    /// <summary>A JSON document built from SeatGuard's keys: usually an object, sometimes anything.</summary>
    public static readonly Gen<string> Json = Gen.Frequency(
        (8, ByDepth[4]),
        (1, Gen.Int[100, 1000].Select(n => new string('[', n) + new string(']', n))),
        (1, Gen.Int[100, 1000].Select(n => string.Concat(Enumerable.Repeat("{\"env\":", n)) + "1" + new string('}', n))),
        (1, Gen.OneOf("", " ", "null", "[]", "\"x\"", "0", "{", "}", "{\"a\":1,}", "{/*c*/}", "\uFEFF{}", "{\"env\":{\"A\":\"\\ud800\"}}")));

    private const string Specials = "{}[]\",:\\ \u0000\ud800\n";

    /// <summary>Text changed at random: characters inserted, deleted, duplicated or replaced; a BOM or NUL added.</summary>
    public static Gen<string> Mutated(Gen<string> source) =>
        Gen.Select(source, Gen.Int[0, 4], Gen.UInt.Array[8], (text, edits, r) =>
        {
            var sb = new StringBuilder(text);
            for (int e = 0; e < edits; e++)
            {
                int at = sb.Length == 0 ? 0 : (int)(r[(2 * e) % 8] % (uint)(sb.Length + 1));
                uint pick = r[(2 * e + 1) % 8];
                switch (pick % 6)
                {
                    case 0: if (at < sb.Length) sb.Remove(at, Math.Min(sb.Length - at, (int)(pick % 7) + 1)); break;
                    case 1: sb.Insert(at, Specials[(int)(pick % (uint)Specials.Length)]); break;
                    case 2: if (sb.Length > 0) sb.Insert(at, sb.ToString(0, Math.Min(sb.Length, (int)(pick % 40) + 1))); break;
                    case 3: if (at < sb.Length) sb[at] = (char)(pick % 0x3000); break;
                    case 4: sb.Insert(0, '\uFEFF'); break;
                    default: sb.Length = at; break;
                }
            }
            return sb.ToString();
        });

    /// <summary>JSON, mutated JSON, and arbitrary text.</summary>
    public static readonly Gen<string> JsonLike = Gen.Frequency((4, Json), (4, Mutated(Json)), (1, Gen.String[Gen.Char, 0, 200]));

    /// <summary>The same as UTF-8 bytes, plus arbitrary bytes (invalid UTF-8, NULs).</summary>
    public static readonly Gen<byte[]> JsonBytes = Gen.Frequency(
        (8, JsonLike.Select(s => Encoding.UTF8.GetBytes(s))),
        (2, Gen.Byte.Array[0, 512]));

    /// <summary>Lines of a JSONL file (transcripts, stream-json): JSON-like lines and odd line breaks.</summary>
    public static readonly Gen<string> JsonLines = Gen.Select(JsonLike.Array[0, 12], Gen.OneOf("\n", "\r\n", "\n\n", "\r"),
        (lines, nl) => string.Join(nl, lines));

    private static readonly string[] YamlPieces =
    [
        "version: 2026.1", "rules:", "- id: x", "  detector: token", "  tier: red", "  prefix: sk-ant-", "disable: [a]", "scenarios:", "  - id: s",
        "    tier: gray", "name: n", "runsFor: me", "consumers: [me]", "credential: api-key", "tiers:", "  green:", "    title: t", "questions:",
        "&a x", "*a", "<<: *a", "[", "]", "{", "}", "'", "\"", "|", ">", "- ", ": ", "  ", "\t", "---", "...", "%YAML 1.2", "!!binary zz", "? k",
        "key: value", "keywords: [claude]", "paths: ['*']", "message: m", "fix: f", "title: t", "answers: [yes, no, yes, no, no]", "date: 2026-01-01",
    ];

    /// <summary>YAML-like text built from the keys the policy book, rule and manifest readers know, with YAML's sharp edges.</summary>
    public static readonly Gen<string> Yaml = Gen.Frequency(
        (6, Gen.OneOf(YamlPieces).Array[0, 20].Select(lines => string.Join("\n", lines))),
        (2, Mutated(Gen.OneOf(YamlPieces).Array[0, 20].Select(lines => string.Join("\n", lines)))),
        (1, Gen.Int[65, 3000].Select(n => "a: " + new string('[', n) + new string(']', n))),
        (1, Gen.Int[65, 300].Select(n => string.Concat(Enumerable.Range(0, n).Select(i => new string(' ', 2 * i) + "k:\n")) + new string(' ', 2 * n) + "v")),
        (1, Gen.String[Gen.Char, 0, 200]));
}
