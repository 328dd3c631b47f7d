using System.Text.Json.Nodes;

namespace SeatGuard.Core.Integration;

/// <summary>The two commands SeatGuard puts into Claude Code's settings, built from how seatguard is started.</summary>
public sealed record SeatGuardCommands(string Program)
{
    /// <summary>The arguments of the status-line command.</summary>
    public const string StatusLineArgs = "statusline";
    /// <summary>The arguments of the SessionStart hook command.</summary>
    public const string SessionStartArgs = "hook session-start";

    /// <summary>The status-line command line.</summary>
    public string StatusLine => Program + " " + StatusLineArgs;
    /// <summary>The SessionStart hook command line.</summary>
    public string SessionStart => Program + " " + SessionStartArgs;

    /// <summary>
    /// A command is ours when it runs a program whose path mentions seatguard with exactly these arguments,
    /// so an install from another path (an upgrade, a moved checkout) is still recognised and replaced.
    /// </summary>
    public static bool IsOurs(string? command, string args)
    {
        if (command is null) return false;
        var trimmed = command.Trim();
        if (!trimmed.EndsWith(" " + args, StringComparison.Ordinal)) return false;
        var program = trimmed[..^(args.Length + 1)];
        return program.Contains("seatguard", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Quotes a path for the shell Claude Code runs hook commands in, when it needs quoting.</summary>
    public static string ShellQuote(string path) =>
        path.Length > 0 && path.All(c => char.IsAsciiLetterOrDigit(c) || c is '/' or '.' or '_' or '-' or '+' or ':' or '@' or '\\' or '%' or ',')
            ? path
            : "'" + path.Replace("'", "'\\''", StringComparison.Ordinal) + "'";
}
