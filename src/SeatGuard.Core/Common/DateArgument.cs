using System.Globalization;

namespace SeatGuard.Core.Common;

/// <summary>The one parser of date options (<c>--since</c>, <c>--until</c>): YYYY-MM-DD or YYYYMMDD, as ccusage accepts them.</summary>
public static class DateArgument
{
    private static readonly string[] Formats = ["yyyy-MM-dd", "yyyyMMdd"];

    /// <summary>Null for an absent or blank value; <see cref="InputException"/> naming <paramref name="option"/> for anything else that is not a date.</summary>
    public static DateOnly? Parse(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        throw new InputException($"{option} must be a date as YYYY-MM-DD or YYYYMMDD, not '{text}'");
    }

    /// <summary>The first instant of the day in UTC.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day) => new(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);

    /// <summary>A date (its first instant, UTC) or an ISO 8601 time; null for an absent value.</summary>
    public static DateTimeOffset? ParseInstant(string? text, string option)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        if (DateOnly.TryParseExact(text.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return StartOfDayUtc(d);
        if (DateTimeOffset.TryParse(text.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t)) return t;
        throw new InputException($"{option} must be a date (YYYY-MM-DD) or an ISO 8601 time, not '{text}'");
    }
}
