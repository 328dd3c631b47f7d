using SeatGuard.Core.Common;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The apiKeyHelper that applies (from the highest-precedence settings file that sets one). Holds where, and what
/// can be told without running it — never the command, which may hold a secret. Measured on 2.1.330 and 2.1.332:
/// only <c>""</c> disables a helper; one that fails, prints nothing or names a missing program still wins, and the
/// request goes out with an empty credential.
/// </summary>
public sealed record HelperDefinition(CredentialSource Source, string? Problem = null)
{
    /// <summary>The settings file that defines the helper.</summary>
    public string Path => Source.Path ?? Source.ToString();

    /// <summary>Shell words that run without a program file.</summary>
    private static readonly HashSet<string> Builtins = ["echo", "printf", "cat", "test", "[", "eval", "exec", "command", ".", "source", "cd", "true", ":"];

    /// <summary>What is certain to go wrong when Claude Code runs this helper, judged from the text alone; null when it may work.</summary>
    public static string? Inspect(string command, HostContext host)
    {
        var text = command.Trim();
        if (text.Length == 0) return "it is blank, so it prints nothing";
        var first = text.Split([' ', '\t', '\n'], 2)[0];
        if (first is "exit" or "false") return "it exits without printing a key";
        if (first.IndexOfAny(['|', ';', '&', '$', '`', '"', '\'', '(', ')', '<', '>', '*', '?', '=']) >= 0 || Builtins.Contains(first)) return null;
        if (first.StartsWith("~/", StringComparison.Ordinal)) first = System.IO.Path.Combine(host.Home, first[2..]);
        if (first.Contains('/'))
        {
            var full = System.IO.Path.GetFullPath(first, host.WorkingDirectory);
            return File.Exists(full) ? null : $"its program {first} does not exist";
        }
        var path = host.Get("PATH") ?? "";
        foreach (var dir in path.Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
        {
            if (File.Exists(System.IO.Path.Combine(dir, first))) return null;
        }
        return $"its program {first} is not on PATH";
    }
}
