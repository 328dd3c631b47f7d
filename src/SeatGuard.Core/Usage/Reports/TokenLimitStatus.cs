using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>The active block against a token limit.</summary>
/// <param name="Limit">The limit.</param>
/// <param name="ProjectedUsage">Projected tokens at the end of the block.</param>
/// <param name="PercentUsed">Projected percentage of the limit.</param>
/// <param name="Status">ok, warning or exceeds.</param>
public sealed record TokenLimitStatus(
    [property: JsonPropertyName("limit")] long Limit,
    [property: JsonPropertyName("projectedUsage")] long ProjectedUsage,
    [property: JsonPropertyName("percentUsed")] double PercentUsed,
    [property: JsonPropertyName("status")] string Status);
