using System.CommandLine;

namespace SeatGuard.Cli.Commands;

/// <summary>
/// The contract's common options, one set per command tree (<see cref="CliContext.Common"/>). An option remembers every
/// command it is added to, so options kept in static fields would keep every tree a process builds (the test suite,
/// an embedding program) alive for ever, and trees built at once on several threads would race on them.
/// </summary>
public sealed class CommonOptionSet
{
    public Option<bool> Json { get; } = new("--json", "-j")
    {
        Description = "Machine output on stdout (JSON), nothing else there.",
    };

    public Option<string?> Claude { get; } = new("--claude")
    {
        Description = "The Claude Code executable (default: $SEATGUARD_CLAUDE, else 'claude' on PATH).",
        HelpName = "PATH",
    };

    public Option<string?> Dir { get; } = new("--dir")
    {
        Description = "The working directory whose project settings count (default: current directory).",
        HelpName = "PATH",
    };

    public Option<string?> ConfigDir { get; } = new("--config-dir")
    {
        Description = "Claude Code's config directory (default: as Claude Code resolves it, from CLAUDE_CONFIG_DIR or ~/.claude).",
        HelpName = "PATH",
    };

    /// <summary><c>--policy FILE</c>: a user file that overrides or extends the embedded book (also used by <c>decide</c>).</summary>
    public Option<string?> PolicyFile { get; } = new Option<string?>("--policy")
    {
        Description = "A policy file that overrides or extends the built-in book by id (default: $XDG_CONFIG_HOME/seatguard/policy.yaml or ~/.config/seatguard/policy.yaml when present).",
        HelpName = "FILE",
        Recursive = true,
    }.FilePath();
}
