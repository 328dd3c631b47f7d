using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>Options every command accepts (the CLI contract's common options).</summary>
public static class CommonOptions
{
    public static readonly Option<bool> Json = new("--json", "-j")
    {
        Description = "Machine output on stdout (JSON), nothing else there.",
        Recursive = true,
    };

    public static readonly Option<string?> Claude = new("--claude")
    {
        Description = "The Claude Code executable (default: $SEATGUARD_CLAUDE, else 'claude' on PATH).",
        HelpName = "PATH",
        Recursive = true,
    };

    public static readonly Option<string?> Dir = new("--dir")
    {
        Description = "The working directory whose project settings count (default: current directory).",
        HelpName = "PATH",
        Recursive = true,
    };

    public static readonly Option<string?> ConfigDir = new("--config-dir")
    {
        Description = "Claude Code's config directory (default: as Claude Code resolves it, from CLAUDE_CONFIG_DIR or ~/.claude).",
        HelpName = "PATH",
        Recursive = true,
    };

    public static IReadOnlyList<Option> All => [Json, Claude, Dir, ConfigDir];
}
