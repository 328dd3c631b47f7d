namespace SeatGuard.Core.Common.Processes;

/// <summary>A program to run: exactly this environment (nothing inherited), these arguments, this directory.</summary>
public sealed record CommandSpec(string FileName, IReadOnlyList<string> Arguments, IReadOnlyDictionary<string, string> Environment, string WorkingDirectory, TimeSpan Timeout);
