using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The part of Claude Code's SessionStart hook input (on stdin) SeatGuard uses.</summary>
public sealed record SessionStartInput(
    [property: JsonPropertyName("session_id")] string? SessionId = null,
    [property: JsonPropertyName("transcript_path")] string? TranscriptPath = null,
    [property: JsonPropertyName("cwd")] string? Cwd = null,
    [property: JsonPropertyName("hook_event_name")] string? HookEventName = null,
    [property: JsonPropertyName("source")] string? Source = null);
