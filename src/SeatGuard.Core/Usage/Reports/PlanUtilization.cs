using System.Text.Json.Serialization;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The plan's own utilisation of one rate-limit window, as Claude Code last reported it to a recorded launch, and its
/// pace at the time of the report: how much of the window had gone by, and whether the use at that pace runs out first.
/// </summary>
public sealed record PlanUtilization(
    [property: JsonPropertyName("rateLimitType")] string RateLimitType,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("utilization")] double? Utilization,
    [property: JsonPropertyName("overageInUse")] bool? OverageInUse,
    [property: JsonPropertyName("reportedAt")] string ReportedAt)
{
    /// <summary>When the window resets (ISO 8601), when the event said.</summary>
    [JsonPropertyName("resetsAt"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? ResetsAt { get; init; }

    /// <summary>The share of the window gone by now (0–1), while it has not reset.</summary>
    [JsonPropertyName("windowElapsed"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? WindowElapsed { get; init; }

    /// <summary>At the pace so far the window's use runs out before it resets.</summary>
    [JsonPropertyName("runsOutBeforeReset"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public bool? RunsOutBeforeReset { get; init; }

    /// <summary>The recorded figure is from a window that has reset since (it no longer describes the plan).</summary>
    [JsonPropertyName("expired"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public bool Expired { get; init; }
}
