using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;

namespace SeatGuard.Core.Launch;

/// <summary>
/// Claude Code's command line as SeatGuard needs it: print mode, output and input formats, the model, and which
/// tokens are prompts. Options are read the way Claude Code's parser (commander) reads them: <c>--x v</c> and
/// <c>--x=v</c>, <c>--</c> ends the options. Options whose arity SeatGuard does not know are taken to have no value,
/// so a token after them counts as a prompt (safe for <see cref="ForRecord"/>, which then hashes it).
/// Also what the command line says about credentials: <c>--bare</c> (the bare start mode), and which settings files
/// count — measured on 2.1.330 and 2.1.332, <c>--setting-sources</c> drops the env blocks and helpers of the files
/// it leaves out, and <c>--restricted</c> drops user, project and local settings alike (managed and <c>--settings</c>
/// still apply).
/// </summary>
public sealed class ClaudeArguments
{
    /// <summary>Options (of 2.1.330 and the Agent SDKs) that take exactly one value.</summary>
    private static readonly HashSet<string> OneValue = new(StringComparer.Ordinal)
    {
        "--agent", "--agents", "--append-system-prompt", "--append-system-prompt-file", "--autocompact", "--debug-file", "--effort",
        "--environment", "--fallback-model", "--input-format", "--json-schema", "--max-budget-usd", "--max-turns", "--model",
        "-n", "--name", "--output-format", "--permission-mode", "--permission-prompt-tool", "--permission-prompts", "--plugin-dir",
        "--plugin-url", "--remote-control-session-name-prefix", "--session-id", "--setting-sources", "--settings", "--system-prompt",
        "--system-prompt-file", "--system-prompt-snapshot", "--resume-session-at", "--max-thinking-tokens", "--thinking",
        "--initialize-fields", "--sdk-url", "--workspace", "--worktree",
    };

    /// <summary>Options that take one or more values (commander variadic: every following token that is not an option).</summary>
    private static readonly HashSet<string> ManyValues = new(StringComparer.Ordinal)
    {
        "--add-dir", "--allowedTools", "--allowed-tools", "--disallowedTools", "--disallowed-tools", "--betas", "--file", "--mcp-config", "--tools",
    };

    /// <summary>Options with an optional value (taken when the next token is not an option).</summary>
    private static readonly HashSet<string> OptionalValue = new(StringComparer.Ordinal)
    {
        "-d", "--debug", "--cloud", "--from-pr", "--prompt-suggestions", "--remote-control", "-r", "--resume", "--teleport",
    };

    /// <summary>Options whose value is safe to keep in the ledger as written (no prompt, no secret).</summary>
    private static readonly HashSet<string> RecordableValues = new(StringComparer.Ordinal)
    {
        "--effort", "--fallback-model", "--input-format", "--max-budget-usd", "--max-turns", "--model", "--output-format", "--permission-mode",
        "--permission-prompt-tool", "--permission-prompts", "--setting-sources", "--tools", "--allowedTools", "--allowed-tools",
        "--disallowedTools", "--disallowed-tools", "--autocompact", "--system-prompt-snapshot", "--initialize-fields",
    };

    /// <summary>One token with what it is.</summary>
    private sealed record Token(string Text, string? Option, bool IsValue, bool InlineValue);

    private readonly List<Token> _tokens;

    /// <summary>The arguments as given.</summary>
    public IReadOnlyList<string> Arguments { get; }

    private ClaudeArguments(IReadOnlyList<string> args, List<Token> tokens)
    {
        Arguments = args;
        _tokens = tokens;
    }

    /// <summary>Reads claude's arguments (both <c>--x v</c> and <c>--x=v</c>, values of known options never taken as options).</summary>
    public static ClaudeArguments Parse(IReadOnlyList<string> args)
    {
        var tokens = new List<Token>(args.Count);
        bool optionsEnded = false;
        for (int i = 0; i < args.Count; i++)
        {
            string a = args[i];
            if (optionsEnded || !IsOption(a))
            {
                tokens.Add(new Token(a, null, false, false));
                continue;
            }
            if (a == "--") { optionsEnded = true; tokens.Add(new Token(a, null, false, false)); continue; }
            int eq = a.StartsWith("--", StringComparison.Ordinal) ? a.IndexOf('=') : -1;
            string name = eq > 0 ? a[..eq] : a;
            tokens.Add(new Token(a, name, false, eq > 0));
            if (eq > 0) continue;
            if (OneValue.Contains(name))
            {
                if (i + 1 < args.Count) tokens.Add(new Token(args[++i], name, true, false));
            }
            else if (ManyValues.Contains(name))
            {
                while (i + 1 < args.Count && !IsOption(args[i + 1])) tokens.Add(new Token(args[++i], name, true, false));
            }
            else if (OptionalValue.Contains(name) && i + 1 < args.Count && !IsOption(args[i + 1]))
            {
                tokens.Add(new Token(args[++i], name, true, false));
            }
        }
        return new ClaudeArguments(args, tokens);
    }

    /// <summary>Whether <c>--bare</c> is given (Claude Code then reads no login, keychain or OAuth token).</summary>
    public static bool Bare(IReadOnlyList<string> args) => Parse(args).Has("--bare");

    /// <summary>The start mode these arguments select: <see cref="StartMode.Bare"/> with <c>--bare</c>, else <see cref="StartMode.Print"/>.</summary>
    public static StartMode Mode(IReadOnlyList<string> args) => Bare(args) ? StartMode.Bare : StartMode.Print;

    /// <summary>The settings file scopes claude reads with these arguments, or null for all of them.</summary>
    public static IReadOnlySet<SettingsScope>? FileScopes(IReadOnlyList<string> args)
    {
        var parsed = Parse(args);
        if (parsed.Has("--restricted")) return new HashSet<SettingsScope>();
        string? value = parsed.Value("--setting-sources");
        if (value is null) return null;
        var scopes = new HashSet<SettingsScope>();
        foreach (var part in value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (Enum.TryParse<SettingsScope>(part, ignoreCase: true, out var scope) && scope is SettingsScope.User or SettingsScope.Project or SettingsScope.Local)
                scopes.Add(scope);
        }
        return scopes;
    }

    private static bool IsOption(string a) => a.Length > 1 && a[0] == '-' && a != "-";

    /// <summary><c>-p</c>/<c>--print</c>: a headless run that prints its result and exits.</summary>
    public bool Print => _tokens.Any(t => t.Option is "-p" or "--print" && !t.IsValue) || HasShortFlag('p');

    /// <summary>The value of the last occurrence of an option (either form), or null.</summary>
    public string? Value(string option)
    {
        string? value = null;
        foreach (var t in _tokens)
        {
            if (t.Option != option) continue;
            if (t.InlineValue) value = t.Text[(option.Length + 1)..];
            else if (t.IsValue) value = t.Text;
        }
        return value;
    }

    /// <summary>Whether the option is present.</summary>
    public bool Has(string option) => _tokens.Any(t => t.Option == option && !t.IsValue);

    /// <summary><c>text</c> (the default), <c>json</c> or <c>stream-json</c>.</summary>
    public string OutputFormat => Value("--output-format") ?? "text";

    /// <summary><c>--input-format</c>, <c>text</c> by default.</summary>
    public string InputFormat => Value("--input-format") ?? "text";

    /// <summary>Whether <c>--verbose</c> is given.</summary>
    public bool Verbose => Has("--verbose");

    /// <summary>The model asked for on the command line (<c>--model</c>), or null.</summary>
    public string? Model => Value("--model");

    /// <summary>The positional tokens (prompts), in order.</summary>
    public IEnumerable<string> Prompts => _tokens.Where(t => t.Option is null && t.Text != "--").Select(t => t.Text);

    /// <summary>Short flags bundled as <c>-pc</c> (commander accepts them for boolean flags).</summary>
    private bool HasShortFlag(char flag) =>
        _tokens.Any(t => t.Option is { Length: > 2 } o && o[0] == '-' && o[1] != '-' && o.Skip(1).All(char.IsAsciiLetter) && o.Contains(flag));

    /// <summary>The same command line without the named options (and their values).</summary>
    public List<string> Without(params string[] options) =>
        _tokens.Where(t => t.Option is null || !options.Contains(t.Option)).Select(t => t.Text).ToList();

    /// <summary>
    /// The command line as the ledger keeps it: option names, the values of a few harmless options, and every other
    /// value (prompts, system prompts, settings JSON, paths) as its length and a SHA-256 fingerprint — unless
    /// <paramref name="keepPrompts"/> (the user opted in); even then secrets are redacted.
    /// </summary>
    public string ForRecord(string executable, bool keepPrompts)
    {
        var parts = new List<string>(_tokens.Count + 1) { executable };
        foreach (var t in _tokens)
        {
            if (t.Text == "--" && t.Option is null) { parts.Add("--"); continue; }
            if (!t.IsValue && t.Option is not null && !t.InlineValue) { parts.Add(t.Text); continue; }
            if (t.InlineValue)
            {
                string value = t.Text[(t.Option!.Length + 1)..];
                parts.Add(t.Option + "=" + Recorded(t.Option, value, keepPrompts));
                continue;
            }
            parts.Add(Recorded(t.Option, t.Text, keepPrompts));
        }
        return Redactor.Scrub(string.Join(' ', parts));
    }

    private static string Recorded(string? option, string value, bool keep) =>
        keep || option is not null && RecordableValues.Contains(option) ? Redactor.Scrub(value) : Hidden(value);

    /// <summary>A value not kept: <c>&lt;12 chars sha256:1a2b3c4d&gt;</c>.</summary>
    public static string Hidden(string value) => $"<{value.Length} chars {Redactor.Fingerprint(value)}>";
}
