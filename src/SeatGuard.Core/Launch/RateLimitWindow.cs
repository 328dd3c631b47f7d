using System.Text.Json.Serialization;

namespace SeatGuard.Core.Launch;

/// <summary>One window of a <c>rate_limit_event</c>'s <c>unifiedWindows</c> (five_hour, seven_day, …) as Claude Code reported it.</summary>
public sealed record RateLimitWindow(
    [property: JsonPropertyName("utilization")] double? Utilization,
    [property: JsonPropertyName("resetsAt")] DateTimeOffset? ResetsAt,
    [property: JsonPropertyName("status")] string? Status);
