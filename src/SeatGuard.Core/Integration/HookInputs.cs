using System.Text.Json;
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

public sealed record StatusLineModel(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("display_name")] string? DisplayName = null);

public sealed record StatusLineWorkspace(
    [property: JsonPropertyName("current_dir")] string? CurrentDir = null,
    [property: JsonPropertyName("project_dir")] string? ProjectDir = null);

public sealed record StatusLineCost(
    [property: JsonPropertyName("total_cost_usd")] decimal? TotalCostUsd = null);

/// <summary>The part of Claude Code's SessionStart hook input (on stdin) SeatGuard uses.</summary>
public sealed record SessionStartInput(
    [property: JsonPropertyName("session_id")] string? SessionId = null,
    [property: JsonPropertyName("transcript_path")] string? TranscriptPath = null,
    [property: JsonPropertyName("cwd")] string? Cwd = null,
    [property: JsonPropertyName("hook_event_name")] string? HookEventName = null,
    [property: JsonPropertyName("source")] string? Source = null);

/// <summary>Reads the JSON Claude Code passes on stdin; anything unreadable yields <c>null</c>, never an exception.</summary>
public static class HookInput
{
    /// <summary>More than this is not a status line or hook input; stop reading.</summary>
    public const int MaxChars = 1 << 20;

    public static T? Parse<T>(string? text, System.Text.Json.Serialization.Metadata.JsonTypeInfo<T> typeInfo) where T : class
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxChars) return null;
        try
        {
            return JsonSerializer.Deserialize(text, typeInfo);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
