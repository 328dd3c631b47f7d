using SeatGuard.Core.Common;

namespace SeatGuard.Core.Policy;

/// <summary>
/// A policy book, policy override or setup manifest that cannot be used, with the file and line at
/// fault. The message reads <c>FILE:LINE: what is wrong</c>.
/// </summary>
public sealed class PolicyDataException(string file, long line, string problem)
    : InputException(line > 0 ? $"{file}:{line}: {problem}" : problem)
{
    /// <summary>The policy data file.</summary>
    public string File { get; } = file;
    /// <summary>The line the problem is on (0: unknown).</summary>
    public long Line { get; } = line;
    /// <summary>What is wrong.</summary>
    public string Problem { get; } = problem;
}
