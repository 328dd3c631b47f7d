using System.Text.Json.Serialization;

namespace SeatGuard.Core.Integration;

/// <summary>
/// One plan window of the status-line input's <c>rate_limits</c> (<c>five_hour</c>, <c>seven_day</c>): the share used
/// (0–100, as Claude Code writes <c>used_percentage</c>), when it resets, and the pace at the time of the line.
/// </summary>
public sealed record StatusLineWindow(
    [property: JsonPropertyName("usedPercentage")] double UsedPercentage,
    [property: JsonPropertyName("resetsAt")] DateTimeOffset? ResetsAt)
{
    /// <summary>How much of the window has gone by (0–100), when the reset is known and ahead.</summary>
    [JsonPropertyName("elapsedPercentage")]
    public double? ElapsedPercentage { get; init; }

    /// <summary>At the pace so far, when the window's use runs out before its reset (null: it lasts, or unknown).</summary>
    [JsonPropertyName("runsOutAt")]
    public DateTimeOffset? RunsOutAt { get; init; }

    /// <summary>At the pace so far the window is used up before it resets.</summary>
    [JsonPropertyName("runsOutBeforeReset")]
    public bool RunsOutBeforeReset => RunsOutAt is not null;
}
