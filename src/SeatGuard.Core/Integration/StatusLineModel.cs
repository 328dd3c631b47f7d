using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

public sealed record StatusLineModel(
    [property: JsonPropertyName("id")] string? Id = null,
    [property: JsonPropertyName("display_name")] string? DisplayName = null);
