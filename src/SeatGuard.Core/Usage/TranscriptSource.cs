namespace SeatGuard.Core.Usage;

/// <summary>One transcript file and the session and project it belongs to.</summary>
/// <param name="Path">Full path of the .jsonl file.</param>
/// <param name="Project">The directory name under <c>projects/</c> (Claude Code's cwd with '/' replaced by '-').</param>
/// <param name="SessionId">The session: the file name, or the parent session's directory for <c>subagents/*.jsonl</c>.</param>
/// <param name="IsSubagent">True for <c>&lt;session&gt;/subagents/*.jsonl</c>.</param>
public sealed record TranscriptSource(string Path, string Project, string SessionId, bool IsSubagent);
