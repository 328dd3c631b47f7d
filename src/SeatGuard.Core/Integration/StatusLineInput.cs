using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The part of Claude Code's status-line JSON (on stdin) SeatGuard uses. Every field is optional.</summary>
public sealed record StatusLineInput(
    [property: JsonPropertyName("session_id")] string? SessionId = null,
    [property: JsonPropertyName("transcript_path")] string? TranscriptPath = null,
    [property: JsonPropertyName("cwd")] string? Cwd = null,
    [property: JsonPropertyName("model")] StatusLineModel? Model = null,
    [property: JsonPropertyName("workspace")] StatusLineWorkspace? Workspace = null,
    [property: JsonPropertyName("cost")] StatusLineCost? Cost = null,
    [property: JsonPropertyName("version")] string? Version = null)
{
    /// <summary>The directory whose billing counts: workspace.current_dir, else cwd.</summary>
    public string? Directory => Workspace?.CurrentDir is { Length: > 0 } d ? d : Cwd is { Length: > 0 } c ? c : null;
}
