using System.Globalization;

namespace SeatGuard.Core.Common;

/// <summary>
/// How fast a plan window (5 hours, 7 days) is being used: the share used against the share of the window gone, and
/// whether the use at that pace runs out before the window resets. Used and elapsed are fractions (0–1).
/// </summary>
public sealed record WindowPace(string Window, double Used, DateTimeOffset ResetsAt, double Elapsed, DateTimeOffset? RunsOutAt)
{
    /// <summary>The length of the plan's five-hour window.</summary>
    public static readonly TimeSpan FiveHours = TimeSpan.FromHours(5);
    /// <summary>The length of the plan's seven-day window.</summary>
    public static readonly TimeSpan SevenDays = TimeSpan.FromDays(7);

    /// <summary>The length of a window Claude Code names (<c>five_hour</c>, <c>seven_day</c>, <c>seven_day_opus</c>, …), or null.</summary>
    public static TimeSpan? LengthOf(string window) => window switch
    {
        "five_hour" => FiveHours,
        _ when window.StartsWith("seven_day", StringComparison.Ordinal) => SevenDays,
        _ => null,
    };

    /// <summary>The pace of a window at <paramref name="now"/>; null when the window has already reset or its length is unknown.</summary>
    public static WindowPace? At(string window, double used, DateTimeOffset resetsAt, DateTimeOffset now)
    {
        if (LengthOf(window) is not { } length || resetsAt <= now || !double.IsFinite(used)) return null;
        used = Math.Clamp(used, 0, 1);
        var start = resetsAt - length;
        double elapsed = Math.Clamp((now - start).TotalSeconds / length.TotalSeconds, 0, 1);
        DateTimeOffset? runsOut = null;
        if (used >= 1) runsOut = now;
        else if (used > 0 && elapsed > 0)
        {
            var at = start + TimeSpan.FromSeconds(Math.Round((now - start).TotalSeconds / used));
            if (at < resetsAt) runsOut = at;
        }
        return new WindowPace(window, used, resetsAt, elapsed, runsOut);
    }

    /// <summary>At this pace the window's use runs out before it resets.</summary>
    public bool RunsOutBeforeReset => RunsOutAt is not null;

    /// <summary>The short label: <c>5h</c>, <c>7d</c>, else the window's own name.</summary>
    public string Label => Window switch { "five_hour" => "5h", "seven_day" => "7d", _ => Window };

    /// <summary><c>7d 41% · 57% of the week gone</c>.</summary>
    public string Describe() =>
        $"{Label} {Percent(Used)} · {Percent(Elapsed)} of the {(Window == "five_hour" ? "5 hours" : "week")} gone";

    /// <summary>A fraction (0–1) as a whole percentage without the sign: <c>0.414</c> → <c>41</c>.</summary>
    public static string Percent(double fraction) => Math.Round(fraction * 100).ToString("0", CultureInfo.InvariantCulture) + "%";
}
