namespace SeatGuard.Core.Common.Processes;

/// <summary>A program SeatGuard needs could not be started.</summary>
public sealed class ExecutableNotFoundException(string fileName, string detail, string? hint = null)
    : InputException($"'{fileName}' could not be started ({detail}). " + (hint ?? "Install it or fix the path."))
{
    /// <summary>The program that could not be started.</summary>
    public string FileName { get; } = fileName;

    /// <summary>The exception for a program SeatGuard runs (claude, git, security), with the hint that fits it.</summary>
    public static ExecutableNotFoundException For(string fileName, string detail) => Path.GetFileNameWithoutExtension(fileName) switch
    {
        "git" => new(fileName, detail, "git is not installed (needed for --history and contributor counts)."),
        "security" => new(fileName, detail, "the macOS security tool is missing."),
        _ => new(fileName, detail, "Claude Code was not found: install it (npm install -g @anthropic-ai/claude-code) or pass --claude PATH / set SEATGUARD_CLAUDE."),
    };
}
