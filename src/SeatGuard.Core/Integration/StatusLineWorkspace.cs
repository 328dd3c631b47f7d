using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

public sealed record StatusLineWorkspace(
    [property: JsonPropertyName("current_dir")] string? CurrentDir = null,
    [property: JsonPropertyName("project_dir")] string? ProjectDir = null);
