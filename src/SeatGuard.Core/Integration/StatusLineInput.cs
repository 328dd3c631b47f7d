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

    /// <summary>
    /// Parses the status-line JSON once: the fields SeatGuard uses (null when any of them has an odd type) and, read
    /// separately and tolerantly, the plan's <c>rate_limits</c>. Never throws.
    /// </summary>
    public static (StatusLineInput? Input, StatusLineRateLimits? Limits) Read(string? text, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > HookInput.MaxChars) return (null, null);
        try
        {
            using var doc = JsonDocument.Parse(text);
            var root = doc.RootElement;
            var limits = StatusLineRateLimits.Read(root, now);
            StatusLineInput? input = null;
            if (root.ValueKind == JsonValueKind.Object)
            {
                try { input = root.Deserialize(IntegrationJson.Default.StatusLineInput); }
                catch (JsonException) { }
            }
            return (input, limits);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}
