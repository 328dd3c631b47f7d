using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>Where a price book's numbers come from: <c>kind</c> is official, binary (read out of a program) or third-party.</summary>
public sealed record PriceSource
{
    /// <summary>The source's id, which models and rates cite.</summary>
    [JsonPropertyName("id")] public string Id { get; init; } = "";
    /// <summary>Where the source can be read, when it has an address.</summary>
    [JsonPropertyName("url")] public string? Url { get; init; }
    /// <summary>What kind of source it is: <c>official</c>, <c>binary</c> (read out of a program) or <c>third-party</c>.</summary>
    [JsonPropertyName("kind")] public string? Kind { get; init; }
    /// <summary>Free-text note about the source.</summary>
    [JsonPropertyName("note")] public string? Note { get; init; }
}
