using System.Text.Json.Serialization;
using SeatGuard.Core.Ledger;

namespace SeatGuard.Core.Usage;

/// <summary>The plan's own utilisation of one rate-limit window, as Claude Code last reported it to a recorded launch.</summary>
public sealed record PlanUtilization(
    [property: JsonPropertyName("rateLimitType")] string RateLimitType,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("utilization")] double? Utilization,
    [property: JsonPropertyName("overageInUse")] bool? OverageInUse,
    [property: JsonPropertyName("reportedAt")] string ReportedAt);
