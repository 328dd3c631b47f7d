using System.Text.Json.Serialization;

namespace SeatGuard.Core.Policy;

/// <summary>Where a usage-credit rule comes from, and when SeatGuard's authors read it (YYYY-MM-DD).</summary>
public sealed record UsageCreditSource(
    [property: JsonPropertyName("url")] string Url,
    [property: JsonPropertyName("read")] string? Read);
