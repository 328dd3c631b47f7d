namespace SeatGuard.Core.Common.Processes;

/// <summary>A program to run: exactly this environment (nothing inherited), these arguments, this directory.</summary>
public sealed record CommandSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory, TimeSpan Timeout)
{
    /// <summary>For <see cref="ICommandRunner.RunLinesAsync"/>: stop the program when it writes no line for this long (null: only <see cref="Timeout"/>).</summary>
    public TimeSpan? IdleTimeout { get; init; }
}
