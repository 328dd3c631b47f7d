using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>One file an effective price book was built from: <c>embedded</c>, <c>imported</c> (by <c>pricing update</c>) or <c>user</c>.</summary>
public sealed record PriceBookLayer(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("path")] string? Path,
    [property: JsonPropertyName("asOf")] string AsOf,
    [property: JsonPropertyName("source")] string? Source);
