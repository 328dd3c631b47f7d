using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Integration;

/// <summary>
/// The plan's own limits from the status-line input's <c>rate_limits</c>, which Claude Code adds only for subscription
/// sessions after their first response (measured on 2.1.330: <c>used_percentage</c> 0–100, <c>resets_at</c> epoch
/// seconds; ISO 8601 and numeric strings are accepted too). Read tolerantly: a missing or oddly typed window is absent.
/// </summary>
public sealed record StatusLineRateLimits(
    [property: JsonPropertyName("fiveHour")] StatusLineWindow? FiveHour,
    [property: JsonPropertyName("sevenDay")] StatusLineWindow? SevenDay)
{
    /// <summary>The windows in the input, or null when it has none (before the first response, or not a subscription).</summary>
    public static StatusLineRateLimits? Read(JsonElement root, DateTimeOffset now)
    {
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("rate_limits", out var limits) || limits.ValueKind != JsonValueKind.Object) return null;
        var five = Window(limits, "five_hour", now);
        var seven = Window(limits, "seven_day", now);
        return five is null && seven is null ? null : new StatusLineRateLimits(five, seven);
    }

    private static StatusLineWindow? Window(JsonElement limits, string name, DateTimeOffset now)
    {
        if (!limits.TryGetProperty(name, out var w) || w.ValueKind != JsonValueKind.Object) return null;
        if (Number(w, "used_percentage") is not { } used) return null;
        used = Math.Clamp(used, 0, 100);
        var resets = Time(w, "resets_at");
        var window = new StatusLineWindow(used, resets);
        if (resets is { } r && WindowPace.At(name, used / 100, r, now) is { } pace)
            window = window with { ElapsedPercentage = Math.Round(pace.Elapsed * 100, 1), RunsOutAt = pace.RunsOutAt };
        return window;
    }

    /// <summary>The pace of a window for the line, or null when its reset is unknown or past.</summary>
    public static WindowPace? Pace(string name, StatusLineWindow? w, DateTimeOffset now) =>
        w?.ResetsAt is { } r ? WindowPace.At(name, w.UsedPercentage / 100, r, now) : null;

    private static double? Number(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        double d;
        if (v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out d)) return double.IsFinite(d) ? d : null;
        if (v.ValueKind == JsonValueKind.String && double.TryParse(v.GetString()!.Trim().TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out d)) return double.IsFinite(d) ? d : null;
        return null;
    }

    /// <summary>Epoch seconds (milliseconds when implausibly large), as a number or numeric string, or an ISO 8601 time.</summary>
    private static DateTimeOffset? Time(JsonElement e, string name)
    {
        if (!e.TryGetProperty(name, out var v)) return null;
        if (v.ValueKind == JsonValueKind.String)
        {
            var s = v.GetString()!.Trim();
            if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var iso) && !double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                return iso;
            if (!double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var n)) return null;
            return Epoch(n);
        }
        return v.ValueKind == JsonValueKind.Number && v.TryGetDouble(out var d) ? Epoch(d) : null;
    }

    private static DateTimeOffset? Epoch(double s)
    {
        if (!double.IsFinite(s)) return null;
        if (s > 1e11) s /= 1000;
        return s is > 0 and < 253402300799 ? DateTimeOffset.FromUnixTimeSeconds((long)s) : null;
    }
}
