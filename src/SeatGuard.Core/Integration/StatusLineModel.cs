using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>The model part of Claude Code's status-line input.</summary>
/// <param name="Id">The model id.</param>
/// <param name="DisplayName">The model's display name ("Opus").</param>
public sealed record StatusLineModel(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("display_name")] string? DisplayName = null);
