using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The workspace part of Claude Code's status-line input.</summary>
/// <param name="CurrentDir">The session's current directory.</param>
/// <param name="ProjectDir">The directory the session was started in.</param>
public sealed record StatusLineWorkspace(
    [property: JsonPropertyName("current_dir")] string? CurrentDir = null,
    [property: JsonPropertyName("project_dir")] string? ProjectDir = null);
