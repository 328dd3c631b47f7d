using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Where a price book's numbers come from: <c>kind</c> is official, binary (read out of a program) or third-party.</summary>
public sealed record PriceSource
{
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    [JsonPropertyName("url")] public string? Url { get; init; }
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    [JsonPropertyName("note")] public string? Note { get; init; }
}
