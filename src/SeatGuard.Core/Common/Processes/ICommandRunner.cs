namespace SeatGuard.Core.Common.Processes;

/// <summary>A program to run: exactly this environment (nothing inherited), these arguments, this directory.</summary>
public sealed record CommandSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory, TimeSpan Timeout);

public sealed record CommandResult(int ExitCode, string StdOut, string StdErr, bool TimedOut);

/// <summary>Runs a program to completion and captures its output. The core's only door to processes for captured runs.</summary>
public interface ICommandRunner
{
    /// <exception cref="ExecutableNotFoundException">the program could not be started.</exception>
    Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken = default);
}

public sealed class ExecutableNotFoundException(string fileName, string detail)
    : Exception($"Claude Code was not found ('{fileName}': {detail}). Install it (npm install -g @anthropic-ai/claude-code) or pass --claude PATH / set SEATGUARD_CLAUDE.")
{
    public string FileName { get; } = fileName;
}
