using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Common;

/// <summary>
/// The one place where secrets become printable, applied at every output and storage boundary (terminal, JSON,
/// SARIF, HTML, ledger, caches, backups, hook output, error messages). A secret is recognised by the field it
/// sits in, whatever its shape: the value of a credential-bearing name (<see cref="IsSecretName"/>), the command
/// text of a credential helper, the userinfo and query of a URL, a <c>--for</c> value that looks like a token.
/// In free text (<see cref="Scrub"/>) it is recognised by the values SeatGuard has read from such fields in this
/// process (<see cref="Remember"/>), by Anthropic's token shapes, and by the places a credential is written
/// (<c>Bearer …</c>, <c>token=…</c>, <c>https://user:pass@…</c>). A secret is shown as its public prefix plus a
/// short SHA-256 fingerprint.
/// </summary>
public static class Redactor
{
    /// <summary><c>sha256:</c> followed by the first 8 hex digits of the SHA-256 of the secret.</summary>
    public static string Fingerprint(ReadOnlySpan<char> secret)
    {
        Span<byte> utf8 = secret.Length <= 512 ? stackalloc byte[secret.Length * 3] : new byte[Encoding.UTF8.GetMaxByteCount(secret.Length)];
        int n = Encoding.UTF8.GetBytes(secret, utf8);
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(utf8[..n], hash);
        return "sha256:" + Convert.ToHexStringLower(hash[..4]);
    }

    /// <summary>The short SHA-256 fingerprint of a secret: <c>sha256:</c> and 8 hex digits.</summary>
    public static string Fingerprint(string secret) => Fingerprint(secret.AsSpan());

    /// <summary>The well-known, non-secret prefix of a token (e.g. <c>sk-ant-oat01-</c>), or empty.</summary>
    public static string PublicPrefix(ReadOnlySpan<char> secret)
    {
        foreach (var p in TokenShapes.KnownPrefixes)
        {
            if (secret.StartsWith(p, StringComparison.Ordinal)) return p;
        }
        // Generic "sk-ant-xxx-" shapes keep only the part up to the third dash.
        if (secret.StartsWith(TokenShapes.AnthropicPrefix, StringComparison.Ordinal))
        {
            int dash = secret[7..].IndexOf('-');
            if (dash > 0 && dash < 12) return secret[..(8 + dash)].ToString();
        }
        return "";
    }

    /// <summary>Printable form of a secret: <c>sk-ant-oat01-…(sha256:3f2a9c1e)</c>.</summary>
    public static string Redact(ReadOnlySpan<char> secret)
    {
        if (secret.IsEmpty) return "(empty)";
        return PublicPrefix(secret) + "…(" + Fingerprint(secret) + ")";
    }

    /// <summary>A secret as it may be printed: its public prefix and its fingerprint, e.g. <c>sk-ant-oat01-…(sha256:3f2a9c1e)</c>.</summary>
    public static string Redact(string secret) => Redact(secret.AsSpan());

    // ---- which fields hold secrets -------------------------------------------------------------------------

    private static readonly string[] SecretWords =
        ["key", "apikey", "token", "secret", "password", "passwd", "passphrase", "pass", "pwd", "auth",
         "authorization", "cookie", "headers", "pat", "dsn", "privatekey"];

    /// <summary>Settings keys whose value is a command that produces a credential (its text may hold one).</summary>
    private static readonly string[] CredentialCommands = ["apiKeyHelper", "awsAuthRefresh", "awsCredentialExport", "otelHeadersHelper"];

    /// <summary>
    /// True for a name whose value is a credential, whatever the value looks like: <c>ANTHROPIC_API_KEY</c>,
    /// <c>ANTHROPIC_AUTH_TOKEN</c>, <c>CLAUDE_CODE_OAUTH_TOKEN</c>, any <c>*_KEY</c>, <c>*_TOKEN</c>, <c>*_SECRET</c>,
    /// <c>*PASSWORD</c>, <c>*_HEADERS</c> (custom headers carry <c>Authorization</c>), camelCase <c>apiKey</c> or
    /// <c>accessToken</c>, and the credential-helper commands (<c>apiKeyHelper</c>…).
    /// </summary>
    public static bool IsSecretName(string name)
    {
        if (string.IsNullOrEmpty(name) || name is "PWD" or "OLDPWD") return false;
        foreach (var c in CredentialCommands)
        {
            if (name.Equals(c, StringComparison.OrdinalIgnoreCase)) return true;
        }
        var lower = name.ToLowerInvariant();
        if (lower.EndsWith("password", StringComparison.Ordinal) || lower.EndsWith("passwd", StringComparison.Ordinal) ||
            lower.EndsWith("secret", StringComparison.Ordinal) || lower.EndsWith("token", StringComparison.Ordinal) ||
            lower.EndsWith("apikey", StringComparison.Ordinal) || lower.EndsWith("api_key", StringComparison.Ordinal)) return true;
        return Segments(name).LastOrDefault() is { } last && Array.IndexOf(SecretWords, last) >= 0;
    }

    /// <summary>A name cut at separators and camelCase humps, lower case: <c>ANTHROPIC_AUTH_TOKEN</c> → anthropic, auth, token.</summary>
    private static IEnumerable<string> Segments(string name)
    {
        var sb = new StringBuilder();
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            bool hump = i > 0 && char.IsUpper(c) && char.IsLower(name[i - 1]);
            if (!char.IsLetterOrDigit(c) || hump)
            {
                if (sb.Length > 0) yield return sb.ToString();
                sb.Clear();
                if (!char.IsLetterOrDigit(c)) continue;
            }
            sb.Append(char.ToLowerInvariant(c));
        }
        if (sb.Length > 0) yield return sb.ToString();
    }

    private static readonly string[] SecretPrefixes =
        ["sk-", "ghp_", "gho_", "ghu_", "ghs_", "ghr_", "github_pat_", "glpat-", "xoxb-", "xoxp-", "xoxa-", "xapp-", "AKIA", "ASIA", "AIza", "eyJ", "hf_", "npm_", "pypi-", "gw-"];

    /// <summary>
    /// True for a value that looks like a token rather than a name or a word: a known token prefix, or a long run
    /// (16+) of letters and digits mixing digits with letters of both cases (or 32+ hex digits). For fields that are
    /// not credential-bearing by name (<c>--for</c>, URL path segments), where a token should never appear.
    /// </summary>
    public static bool LooksLikeSecret(ReadOnlySpan<char> value)
    {
        value = value.Trim();
        if (value.Length < 12) return false;
        foreach (var p in SecretPrefixes)
        {
            if (value.StartsWith(p, StringComparison.Ordinal) && value.Length >= p.Length + 12 && !value.Contains(' ')) return true;
        }
        int run = 0, best = 0, bestStart = 0, start = 0;
        for (int i = 0; i <= value.Length; i++)
        {
            if (i < value.Length && char.IsAsciiLetterOrDigit(value[i]))
            {
                if (run == 0) start = i;
                run++;
                continue;
            }
            if (run > best) (best, bestStart) = (run, start);
            run = 0;
        }
        if (best < 16) return false;
        var longest = value.Slice(bestStart, best);
        bool digit = false, upper = false, lower = false, hexOnly = true;
        foreach (var c in longest)
        {
            digit |= char.IsAsciiDigit(c);
            upper |= char.IsAsciiLetterUpper(c);
            lower |= char.IsAsciiLetterLower(c);
            hexOnly &= char.IsAsciiHexDigit(c);
        }
        if (hexOnly) return best >= 32;
        return digit && upper && lower || digit && (upper || lower) && best >= 24;
    }

    /// <summary>The value of one named field as it may be shown: redacted for a credential-bearing name, a URL with its secret parts redacted, free text scrubbed.</summary>
    public static string RedactField(string name, string value)
    {
        if (value.Length == 0) return value;
        if (IsSecretName(name)) return Redact(value);
        if (value.Contains("://", StringComparison.Ordinal)) return Scrub(RedactUrl(value));
        return Scrub(value);
    }

    /// <summary>
    /// A URL with its userinfo (<c>user:password@</c>), query values, fragment and token-looking path segments
    /// redacted: <c>https://…(sha256:1a2b3c4d)@gateway.example/v1?key=…(sha256:…)</c>. Text that is not a URL is
    /// redacted whole when it looks like a token.
    /// </summary>
    public static string RedactUrl(string url)
    {
        if (string.IsNullOrEmpty(url)) return url;
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme <= 0) return LooksLikeSecret(url) ? Redact(url) : url;
        int authorityStart = scheme + 3;
        int authorityEnd = url.IndexOfAny(['/', '?', '#'], authorityStart);
        if (authorityEnd < 0) authorityEnd = url.Length;
        var sb = new StringBuilder(url.Length + 32);
        sb.Append(url, 0, authorityStart);
        var authority = url.AsSpan(authorityStart, authorityEnd - authorityStart);
        int at = authority.LastIndexOf('@');
        if (at >= 0)
        {
            var userinfo = authority[..at];
            if (userinfo.Length > 0 && !IsRedacted(userinfo)) sb.Append(Redact(userinfo));
            else sb.Append(userinfo);
            sb.Append('@').Append(authority[(at + 1)..]);
        }
        else sb.Append(authority);
        int queryStart = url.IndexOf('?', authorityEnd);
        int fragmentStart = url.IndexOf('#', authorityEnd);
        int pathEnd = new[] { queryStart, fragmentStart, url.Length }.Where(i => i >= 0).Min();
        // Path: segments that look like tokens.
        var path = url.AsSpan(authorityEnd, pathEnd - authorityEnd);
        int segStart = 0;
        for (int i = 0; i <= path.Length; i++)
        {
            if (i < path.Length && path[i] != '/') continue;
            var segment = path[segStart..i];
            sb.Append(LooksLikeSecret(segment) ? Redact(segment) : segment.ToString());
            if (i < path.Length) sb.Append('/');
            segStart = i + 1;
        }
        if (queryStart >= 0 && (fragmentStart < 0 || queryStart < fragmentStart))
        {
            int queryEnd = fragmentStart >= 0 ? fragmentStart : url.Length;
            sb.Append('?');
            var pairs = url[(queryStart + 1)..queryEnd].Split('&');
            for (int p = 0; p < pairs.Length; p++)
            {
                if (p > 0) sb.Append('&');
                int eq = pairs[p].IndexOf('=');
                if (eq < 0) { sb.Append(pairs[p].Length >= 8 && !IsRedacted(pairs[p]) ? Redact(pairs[p]) : pairs[p]); continue; }
                var value = pairs[p][(eq + 1)..];
                sb.Append(pairs[p], 0, eq + 1).Append(value.Length == 0 || IsRedacted(value) ? value : Redact(value));
            }
        }
        if (fragmentStart >= 0)
        {
            var fragment = url[(fragmentStart + 1)..];
            sb.Append('#').Append(fragment.Length == 0 || IsRedacted(fragment) ? fragment : Redact(fragment));
        }
        return sb.ToString();
    }

    private static bool IsRedacted(ReadOnlySpan<char> text) => text.Contains("…(sha256:", StringComparison.Ordinal);

    /// <summary>
    /// A copy of a JSON document (a settings file, a <c>--settings</c> argument) with every credential-bearing value
    /// redacted: values of secret names at any depth (an <c>env</c> block's <c>*_KEY</c>, <c>*_TOKEN</c>…), the
    /// credential-helper commands, URLs' secret parts; every other string scrubbed.
    /// </summary>
    public static JsonNode? RedactJson(JsonNode? node, string? name = null)
    {
        switch (node)
        {
            case null:
                return null;
            case JsonObject obj:
                var copy = new JsonObject();
                foreach (var (key, value) in obj) copy[Scrub(key)] = RedactJson(value, key); // a token can be a key, too
                return copy;
            case JsonArray array:
                var items = new JsonArray();
                foreach (var item in array) items.Add(RedactJson(item, name));
                return items;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = StringOf(value);
                return JsonValue.Create(name is null ? Scrub(text) : RedactField(name, text));
            case JsonValue value when name is not null && IsSecretName(name) && value.GetValueKind() == JsonValueKind.Number:
                return JsonValue.Create(Redact(value.ToJsonString()));
            default:
                return node.DeepClone();
        }
    }

    /// <summary>JSON text with <see cref="RedactJson"/> applied (compact); text that is not JSON is scrubbed.</summary>
    public static string RedactJsonText(string json)
    {
        var node = Json.ClaudeJson.Parse(Encoding.UTF8.GetBytes(json), out var problem, lenient: true);
        if (problem is not null) return Scrub(json);
        try
        {
            return RedactJson(node) is { } redacted ? Json.JsonText.NodeToString(redacted, indented: false) : "null";
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or ArgumentException)
        {
            return Scrub(json);
        }
    }

    /// <summary>A JSON string value, also when it holds a lone surrogate (which <c>GetValue&lt;string&gt;</c> refuses for parsed text).</summary>
    private static string StringOf(JsonValue value)
    {
        try { return value.GetValue<string>(); }
        catch (InvalidOperationException) { return Json.ClaudeJson.UnescapeLenient(value.ToJsonString()); }
    }

    /// <summary>
    /// Claude Code's command line as it may be shown or stored: the JSON of <c>--settings</c> field-redacted, every
    /// other argument scrubbed.
    /// </summary>
    public static IReadOnlyList<string> RedactClaudeArguments(IEnumerable<string> args)
    {
        var shown = new List<string>();
        bool settingsNext = false;
        foreach (var a in args)
        {
            if (settingsNext && a.TrimStart().StartsWith('{')) shown.Add(RedactJsonText(a));
            else if (a.StartsWith("--settings=", StringComparison.Ordinal) && a["--settings=".Length..].TrimStart().StartsWith('{'))
                shown.Add("--settings=" + RedactJsonText(a["--settings=".Length..]));
            else shown.Add(Scrub(a));
            settingsNext = a == "--settings";
        }
        return shown;
    }

    // ---- secrets SeatGuard has read --------------------------------------------------------------------------

    private const int MinRemembered = 8, MaxRemembered = 4096;
    private static readonly Lock RememberLock = new();
    private static readonly HashSet<string> Remembered = new(StringComparer.Ordinal);
    private static volatile string[] s_rememberedByLength = [];
    private static volatile SearchValues<string>? s_rememberedSearch;

    /// <summary>
    /// Tells the redactor a value SeatGuard has read from a credential-bearing field, so that <see cref="Scrub"/>
    /// replaces it wherever it reappears (claude's error text, a gateway's reply, a command line). Values shorter than
    /// 8 characters are only ever redacted by field, never searched for in free text.
    /// </summary>
    public static void Remember(string? secret)
    {
        if (secret is null) return;
        secret = secret.Trim();
        // A bare prefix or a placeholder is no secret: remembered, it would cut every later token in two.
        if (secret.Length < MinRemembered || IsRedacted(secret) || IsPlaceholder(secret)) return;
        lock (RememberLock)
        {
            if (Remembered.Count >= MaxRemembered || !Remembered.Add(secret)) return;
            // A value inside JSON text is escaped: remember that spelling too.
            var escaped = JsonEncodedText.Encode(secret).ToString();
            if (escaped != secret) Remembered.Add(escaped);
            var all = Remembered.OrderByDescending(s => s.Length).ToArray();
            s_rememberedByLength = all;
            s_rememberedSearch = SearchValues.Create(all, StringComparison.Ordinal);
        }
    }

    /// <summary>Forgets every remembered value (tests that feed the redactor generated input, so it does not leak into others).</summary>
    internal static void ForgetAll()
    {
        lock (RememberLock)
        {
            Remembered.Clear();
            s_rememberedByLength = [];
            s_rememberedSearch = null;
        }
    }

    /// <summary>Remembers the values of every credential-bearing variable of an environment (and the secret parts of URLs in it).</summary>
    public static void RememberEnvironment(IEnumerable<KeyValuePair<string, string>> environment)
    {
        foreach (var (name, value) in environment)
        {
            if (IsSecretName(name)) Remember(value);
            else if (value.Contains("://", StringComparison.Ordinal)) RememberUrlSecrets(value);
        }
    }

    /// <summary>Remembers the userinfo and query values of a URL.</summary>
    public static void RememberUrlSecrets(string url)
    {
        int scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return;
        int end = url.IndexOfAny(['/', '?', '#'], scheme + 3);
        var authority = end < 0 ? url[(scheme + 3)..] : url[(scheme + 3)..end];
        int at = authority.LastIndexOf('@');
        if (at > 0)
        {
            Remember(authority[..at]);
            int colon = authority.IndexOf(':');
            if (colon >= 0 && colon < at) Remember(authority[(colon + 1)..at]);
        }
        int q = url.IndexOf('?');
        if (q < 0) return;
        foreach (var pair in url[(q + 1)..].Split('&', '#'))
        {
            int eq = pair.IndexOf('=');
            Remember(eq < 0 ? pair : pair[(eq + 1)..]);
        }
    }

    /// <summary>Remembers every credential-bearing value of a JSON document (settings, --settings).</summary>
    public static void RememberJson(JsonNode? node, string? name = null)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (key, value) in obj) RememberJson(value, key);
                break;
            case JsonArray array:
                foreach (var item in array) RememberJson(item, name);
                break;
            case JsonValue value when value.GetValueKind() == JsonValueKind.String:
                var text = StringOf(value);
                if (name is not null && IsSecretName(name)) Remember(text);
                else if (text.Contains("://", StringComparison.Ordinal)) RememberUrlSecrets(text);
                break;
        }
    }

    // ---- free text ------------------------------------------------------------------------------------------

    /// <summary>
    /// Replaces every secret inside free text (error messages, command lines, a child's error output, whole output
    /// lines) by its redacted form: values SeatGuard has read from credential fields, Anthropic token shapes,
    /// <c>Bearer</c>/<c>Basic</c> credentials, <c>name=value</c> and <c>"name": "value"</c> pairs of secret names,
    /// and the userinfo of URLs. Idempotent: redacted text, bare prefixes and placeholders are left as they are.
    /// </summary>
    public static string Scrub(string text)
    {
        if (string.IsNullOrEmpty(text)) return text;
        text = ScrubRemembered(text);
        text = ScrubTokenShapes(text);
        if (MayHoldAssignment(text))
        {
            text = ScrubAuthSchemes(text);
            text = ScrubAssignments(text);
            text = ScrubUrlUserinfo(text);
        }
        return text;
    }

    private static readonly SearchValues<string> AssignmentHints = SearchValues.Create(
        ["bearer", "basic", "key", "token", "secret", "passw", "passphrase", "auth", "cookie", "credential", "pwd", "://"], StringComparison.OrdinalIgnoreCase);

    private static bool MayHoldAssignment(string text) => text.AsSpan().IndexOfAny(AssignmentHints) >= 0;

    private static string ScrubRemembered(string text)
    {
        var search = s_rememberedSearch;
        if (search is null) return text;
        int i = text.AsSpan().IndexOfAny(search);
        if (i < 0) return text;
        var all = s_rememberedByLength;
        var sb = new StringBuilder(text.Length);
        int last = 0;
        while (i >= 0)
        {
            int at = last + i;
            string? hit = null;
            foreach (var s in all)
            {
                if (text.AsSpan(at).StartsWith(s, StringComparison.Ordinal)) { hit = s; break; }
            }
            if (hit is null) { sb.Append(text, last, i + 1); last = at + 1; }
            else
            {
                // A remembered value glued to more token characters is the head of a longer secret: redact it whole.
                int end = at + hit.Length;
                if (TokenShapes.IsTokenChar(hit[^1]))
                    while (end < text.Length && TokenShapes.IsTokenChar(text[end])) end++;
                sb.Append(text, last, at - last).Append(Redact(text.AsSpan(at, end - at)));
                last = end;
            }
            i = last < text.Length ? text.AsSpan(last).IndexOfAny(search) : -1;
        }
        return sb.Append(text, last, text.Length - last).ToString();
    }

    private static string ScrubTokenShapes(string text)
    {
        int i = text.IndexOf(TokenShapes.AnthropicPrefix, StringComparison.Ordinal);
        if (i < 0) return text;
        var sb = new StringBuilder(text.Length);
        int last = 0;
        while (i >= 0)
        {
            int end = i + 7;
            while (end < text.Length && TokenShapes.IsTokenChar(text[end])) end++;
            var run = text.AsSpan(i, end - i);
            sb.Append(text, last, i - last);
            bool barePrefix = run.Length <= Math.Max(PublicPrefix(run).Length, 7);
            if (barePrefix) sb.Append(run);
            else sb.Append(Redact(run));
            last = end;
            i = text.IndexOf(TokenShapes.AnthropicPrefix, end, StringComparison.Ordinal);
        }
        return sb.Append(text, last, text.Length - last).ToString();
    }

    private static bool HasDigitOrIsLong(ReadOnlySpan<char> value) => value.Length >= 20 || value.IndexOfAnyInRange('0', '9') >= 0;

    /// <summary>Not a secret: a bare token prefix, a placeholder (<c>&lt;key&gt;</c>, <c>$VAR</c>, <c>${VAR}</c>, <c>…</c>), already redacted, or a literal.</summary>
    private static bool IsPlaceholder(ReadOnlySpan<char> value)
    {
        if (value.Length < 8) return true;
        if (value[0] is '$' or '<' or '{' or '%' or '…' or '*') return true;
        if (value.Contains('…')) return true;
        if (PublicPrefix(value).Length == value.Length) return true;
        if (value.Equals("undefined", StringComparison.OrdinalIgnoreCase) || value.Equals("redacted", StringComparison.OrdinalIgnoreCase)) return true;
        return value.Trim('x').IsEmpty || value.Trim('X').IsEmpty || value.Trim('*').IsEmpty;
    }

    private static bool IsValueChar(char c) => c > ' ' && c is not ('"' or '\'' or '&' or ',' or ';' or '|' or '<' or '>' or '(' or ')' or '{' or '}' or '[' or ']' or '`' or '\\') && !char.IsWhiteSpace(c);

    private static bool IsKeyChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '_' or '.' or '-';

    private static bool IsSchemeValueChar(char c) => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '~' or '+' or '/' or '=' or '-';

    private static readonly string[] AuthSchemes = ["bearer", "basic", "token"];
    private static int IndexOfScheme(string text, int scheme, int from) => TextSearch.IndexOfIgnoreCase(text, AuthSchemes[scheme], from);

    /// <summary><c>Bearer x</c>, <c>Basic x</c>, <c>Token x</c>: the credential after the scheme (one pass per scheme, linear).</summary>
    private static string ScrubAuthSchemes(string text)
    {
        for (int n = 0; n < AuthSchemes.Length; n++)
        {
            var scheme = AuthSchemes[n];
            int i = IndexOfScheme(text, n, 0);
            if (i < 0) continue;
            var sb = new StringBuilder(text.Length);
            int last = 0;
            for (; i >= 0; i = i + scheme.Length < text.Length ? IndexOfScheme(text, n, i + scheme.Length) : -1)
            {
                if (i > 0 && char.IsAsciiLetterOrDigit(text[i - 1])) continue;
                int v = i + scheme.Length;
                if (v >= text.Length || !char.IsWhiteSpace(text[v])) continue;
                while (v < text.Length && char.IsWhiteSpace(text[v]) && v - i - scheme.Length < 8) v++;
                int end = v;
                while (end < text.Length && IsSchemeValueChar(text[end])) end++;
                var value = text.AsSpan(v, end - v);
                if (value.Length < 8 || IsPlaceholder(value) || !HasDigitOrIsLong(value)) continue;
                sb.Append(text, last, v - last).Append(Redact(value));
                last = end;
            }
            if (last > 0) text = sb.Append(text, last, text.Length - last).ToString();
        }
        return text;
    }

    /// <summary>
    /// <c>NAME=value</c>, <c>NAME: value</c>, <c>"name": "value"</c> where NAME is credential-bearing (<see cref="IsSecretName"/>):
    /// found from each ':' or '=' by looking back for the name and forward for the value, so the cost is linear.
    /// </summary>
    private static string ScrubAssignments(string text)
    {
        StringBuilder? sb = null;
        int last = 0;
        for (int sep = text.AsSpan().IndexOfAny(':', '='); sep >= 0; sep = sep + 1 < text.Length ? IndexOfSeparator(text, sep + 1) : -1)
        {
            // The name: up to 64 key characters before the separator (spaces and one quote allowed in between).
            int k = sep - 1;
            int spaces = 0;
            while (k >= 0 && text[k] == ' ' && spaces < 3) { k--; spaces++; }
            bool keyQuoted = k >= 0 && text[k] is '"' or '\'';
            if (keyQuoted) k--;
            int keyEnd = k + 1;
            while (k >= 0 && keyEnd - k <= 64 && IsKeyChar(text[k])) k--;
            int keyStart = k + 1;
            if (keyEnd - keyStart < 2 || !char.IsAsciiLetter(text[keyStart]) || (keyStart > 0 && IsKeyChar(text[keyStart - 1]))) continue;
            // The name first: it decides most cases, and a report's few names are judged once ("cost", "inputTokens").
            if (!IsSecretNameCached(text.AsSpan(keyStart, keyEnd - keyStart))) continue;
            // The value: after up to three spaces and one quote, a run of value characters.
            int v = sep + 1;
            spaces = 0;
            while (v < text.Length && text[v] == ' ' && spaces < 3) { v++; spaces++; }
            bool quoted = v < text.Length && text[v] is '"' or '\'';
            if (quoted) v++;
            int end = v;
            while (end < text.Length && IsValueChar(text[end])) end++;
            var value = text.AsSpan(v, end - v);
            if (value.Length < 8 || IsPlaceholder(value) || StartsWithScheme(value)) continue;
            // A JSON number ("api-key": 3.5690, a cost by billing source) is a figure, not a credential: a JSON secret
            // is a string ("password": "12345678" is still redacted), and NAME=12345678 outside JSON is still redacted.
            if (!quoted && keyQuoted && text[sep] == ':' && IsNumber(value)) continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, last, v - last).Append(Redact(value));
            last = end;
            sep = Math.Max(sep, end - 1);
        }
        return sb is null ? text : sb.Append(text, last, text.Length - last).ToString();
    }

    // A report repeats a few keys thousands of times ("inputTokens", "cost"): each is judged once per thread.
    [ThreadStatic] private static Dictionary<string, bool>? t_secretNames;

    private static bool IsSecretNameCached(ReadOnlySpan<char> name)
    {
        var cache = t_secretNames ??= new Dictionary<string, bool>(StringComparer.Ordinal);
        var lookup = cache.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(name, out bool secret)) return secret;
        if (cache.Count >= 1024) cache.Clear(); // bounded: keys come from the text
        var key = name.ToString();
        cache[key] = secret = IsSecretName(key);
        return secret;
    }

    private static bool IsNumber(ReadOnlySpan<char> value)
    {
        int end = value.Length;
        while (end > 0 && value[end - 1] is ',' or ';') end--;   // the separator after a JSON number
        return end > 0 && double.TryParse(value[..end], System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);
    }

    private static int IndexOfSeparator(string text, int from)
    {
        int i = text.AsSpan(from).IndexOfAny(':', '=');
        return i < 0 ? -1 : from + i;
    }

    private static bool StartsWithScheme(ReadOnlySpan<char> value)
    {
        foreach (var scheme in AuthSchemes)
        {
            if (value.Equals(scheme, StringComparison.OrdinalIgnoreCase)) return true;
        }
        return false;
    }

    /// <summary><c>scheme://userinfo@</c>: the userinfo of every URL in the text.</summary>
    private static string ScrubUrlUserinfo(string text)
    {
        int i = text.IndexOf("://", StringComparison.Ordinal);
        if (i < 0) return text;
        StringBuilder? sb = null;
        int last = 0;
        for (; i >= 0; i = i + 3 < text.Length ? text.IndexOf("://", i + 3, StringComparison.Ordinal) : -1)
        {
            int u = i + 3, end = u;
            while (end < text.Length && end - u <= 256 && text[end] is not ('/' or '@' or '"' or '\'' or '<' or '>' or '?' or '#') && !char.IsWhiteSpace(text[end])) end++;
            if (end >= text.Length || text[end] != '@' || end == u) continue;
            var userinfo = text.AsSpan(u, end - u);
            if (IsPlaceholder(userinfo) && userinfo.Length >= 8) continue;
            if (userinfo.Contains('…')) continue;
            // A bare user name (postgresql://alice@host) is no secret; a password or a token used as the user name is.
            if (!userinfo.Contains(':') && !LooksLikeSecret(userinfo)) continue;
            sb ??= new StringBuilder(text.Length);
            sb.Append(text, last, u - last).Append(Redact(userinfo));
            last = end;
        }
        return sb is null ? text : sb.Append(text, last, text.Length - last).ToString();
    }
}
