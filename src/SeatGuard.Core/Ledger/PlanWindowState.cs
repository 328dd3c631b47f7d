using System.Text.Json.Serialization;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Ledger;

/// <summary>The plan's own utilisation of one window (0–1) as Claude Code last reported it to a recorded launch.</summary>
public sealed record PlanWindowState(
    [property: JsonPropertyName("window")] string Window,
    [property: JsonPropertyName("utilization")] double? Utilization,
    [property: JsonPropertyName("resetsAt")] DateTimeOffset? ResetsAt,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("overageInUse")] bool? OverageInUse,
    [property: JsonPropertyName("reportedAt")] DateTimeOffset ReportedAt)
{
    /// <summary>The utilisation while the window has not reset (after its reset the recorded figure no longer holds).</summary>
    /// <summary>A report without its reset time counts while it is younger than the window.</summary>
    public double? CurrentAt(DateTimeOffset now) => ResetsAt switch
    {
        { } r => r <= now ? null : Utilization,
        null => WindowPace.LengthOf(Window) is { } length && now - ReportedAt < length ? Utilization : null,
    };

    /// <summary>The pace of this window at <paramref name="now"/>, or null when its reset is unknown or past.</summary>
    public WindowPace? PaceAt(DateTimeOffset now) =>
        Utilization is { } u && ResetsAt is { } r ? WindowPace.At(Window, u, r, now) : null;
}
