namespace SeatGuard.Core.Launch;

/// <summary>
/// One <c>result</c> line of Claude Code's stream-json output: what its text and JSON output modes are built from.
/// <see cref="Raw"/> is the line exactly as Claude Code wrote it.
/// </summary>
public sealed record ResultMessage(string? Subtype, bool IsError, string? Result, IReadOnlyList<string> Errors, string? TerminalReason, byte[] Raw);
