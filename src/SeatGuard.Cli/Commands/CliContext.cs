using System.CommandLine;
using SeatGuard.Cli.Output;
using SeatGuard.Core.Common;
using SeatGuard.Core.Integration;

namespace SeatGuard.Cli.Commands;

/// <summary>What every command's action needs: where to write and what host it runs on.</summary>
public sealed class CliContext(Terminal terminal, Func<string?, HostContext> hostFactory)
{
    public Terminal Terminal { get; } = terminal;

    /// <summary>Usage numbers for the status line (the usage capability's cache once it is wired in).</summary>
    public IUsageGlance UsageGlance { get; init; } = new TranscriptUsageGlance();

    /// <summary>The host as seen from --dir (or the current directory).</summary>
    public HostContext Host(ParseResult parse) => hostFactory(parse.GetValue(CommonOptions.Dir));

    public bool Json(ParseResult parse) => parse.GetValue(CommonOptions.Json);

    public string? ConfigDir(ParseResult parse) => parse.GetValue(CommonOptions.ConfigDir);

    /// <summary>The Claude Code executable: --claude, else $SEATGUARD_CLAUDE, else 'claude' on PATH.</summary>
    public string ClaudeExecutable(ParseResult parse, HostContext host)
    {
        var explicitPath = parse.GetValue(CommonOptions.Claude);
        if (!string.IsNullOrEmpty(explicitPath)) return explicitPath;
        var env = host.Get("SEATGUARD_CLAUDE");
        return string.IsNullOrEmpty(env) ? "claude" : env;
    }
}
