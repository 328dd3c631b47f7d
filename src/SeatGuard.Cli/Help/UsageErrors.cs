using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using System.Text.RegularExpressions;

namespace SeatGuard.Cli.Help;

/// <summary>
/// Turns what the parser found wrong into one plain line that says what was not understood and, where a known name
/// is close, suggests it ("did you mean"): unknown commands, unknown options (also those the parser would have taken
/// as a path), a missing subcommand, a value outside an option's choices, a value of the wrong type.
/// </summary>
public static partial class UsageErrors
{
    /// <summary>The problem with this command line, or null when there is none.</summary>
    public static string? Describe(ParseResult parse)
    {
        var command = parse.CommandResult.Command;
        var root = RootOf(command);
        var path = CommandTree.Path(command);

        // An option-like word before "--" that the parser handed to an argument (e.g. scan's PATH) is a mistyped option.
        var tokens = parse.Tokens;
        int doubleDash = IndexOf(tokens, t => t.Type == TokenType.DoubleDash);
        foreach (var argument in parse.CommandResult.Children.OfType<ArgumentResult>())
        {
            foreach (var token in argument.Tokens)
            {
                int at = IndexOf(tokens, t => ReferenceEquals(t, token));
                if (LooksLikeOption(token.Value) && (doubleDash < 0 || at < doubleDash)) return UnknownOption(token.Value, command, root);
            }
        }

        if (parse.UnmatchedTokens.Count > 0)
        {
            var word = parse.UnmatchedTokens[0];
            if (LooksLikeOption(word)) return UnknownOption(word, command, root);
            if (command.Subcommands.Any(c => !c.Hidden)) return UnknownCommand(word, command, root);
            return $"unexpected argument '{word}' for '{path}' (see '{path} --help')";
        }

        foreach (var error in parse.Errors)
        {
            if (NotAmong().Match(error.Message) is { Success: true } notAmong)
            {
                var choices = Quoted().Matches(error.Message).Select(m => m.Groups[1].Value).Skip(1).ToList();
                var name = (error.SymbolResult as OptionResult)?.Option.Name ?? (error.SymbolResult as ArgumentResult)?.Argument.Name ?? path;
                var guess = Suggestions.Closest(notAmong.Groups[1].Value, choices);
                return $"{name}: '{notAmong.Groups[1].Value}' is not one of {string.Join(", ", choices)}" + (guess is null ? "" : $" (did you mean '{guess}'?)");
            }
            if (CannotParse().Match(error.Message) is { Success: true } cannotParse)
                return $"{cannotParse.Groups[2].Value} expects {Expected(cannotParse.Groups[3].Value)}, not '{cannotParse.Groups[1].Value}'";
        }

        if (command.Subcommands.Any(c => !c.Hidden) && command.Action is null && parse.Action is null or ParseErrorAction)
        {
            var names = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name);
            return command is RootCommand
                ? $"say which command to run: {string.Join(", ", names)} (see 'seatguard --help')"
                : $"'{path}' needs a command: {string.Join(", ", names)} (see '{path} --help')";
        }
        return null;
    }

    private static string UnknownOption(string word, Command command, Command root)
    {
        var name = word.Split('=', 2)[0];
        var path = CommandTree.Path(command);
        var own = CommandTree.Options(command).Where(o => !o.Hidden).SelectMany(CommandTree.Names).ToList();
        var guess = Suggestions.Closest(name, own);
        if (guess is not null) return $"unknown option '{name}' for '{path}' (did you mean '{guess}'?)";
        var elsewhere = CommandTree.All(root).Where(c => CommandTree.Options(c).Any(o => CommandTree.Names(o).Contains(name))).Select(CommandTree.Path).FirstOrDefault();
        if (elsewhere is not null) return $"unknown option '{name}' for '{path}'; it is an option of '{elsewhere}' (see '{path} --help')";
        return $"unknown option '{name}' for '{path}' (see '{path} --help')";
    }

    private static string UnknownCommand(string word, Command command, Command root)
    {
        var path = CommandTree.Path(command);
        var names = command.Subcommands.Where(c => !c.Hidden).SelectMany(CommandTree.Names).ToList();
        var where = command is RootCommand ? "" : $" for '{path}'";
        var guess = Suggestions.Closest(word, names);
        if (guess is not null) return $"unknown command '{word}'{where} (did you mean '{guess}'?)";
        var elsewhere = CommandTree.All(root).FirstOrDefault(c => CommandTree.Names(c).Contains(word) && c.Parents.FirstOrDefault() != command);
        if (elsewhere is not null) return $"unknown command '{word}'{where}; did you mean '{CommandTree.Path(elsewhere)}'?";
        return $"unknown command '{word}'{where} (see '{path} --help')";
    }

    /// <summary>"-x", "--name", "--name=value"; not "-", not a negative number.</summary>
    private static bool LooksLikeOption(string word) =>
        word.Length > 1 && word[0] == '-' && !double.TryParse(word, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out _);

    private static Command RootOf(Command command)
    {
        var c = command;
        while (c.Parents.OfType<Command>().FirstOrDefault() is { } parent) c = parent;
        return c;
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Func<Token, bool> match)
    {
        for (int i = 0; i < tokens.Count; i++) if (match(tokens[i])) return i;
        return -1;
    }

    private static string Expected(string type) => type switch
    {
        "System.Int32" or "System.Int64" => "a whole number",
        "System.Double" or "System.Decimal" => "a number",
        "System.Boolean" => "true or false",
        _ => "a value of type " + type,
    };

    [GeneratedRegex(@"Argument '(.*)' not recognized\. Must be one of:", RegexOptions.Singleline)]
    private static partial Regex NotAmong();

    [GeneratedRegex(@"'([^'\n]*)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"Cannot parse argument '(.*)' for option '(.*)' as expected type '(.*)'")]
    private static partial Regex CannotParse();
}
