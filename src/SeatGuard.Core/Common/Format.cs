using System.Globalization;

namespace SeatGuard.Core.Common;

/// <summary>Numbers, money and times for people: the one set of formatters every view uses (invariant culture).</summary>
public static class Format
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>
    /// A count the way people say it: 950, 12.3k, 4.1M, 1.2B. <paramref name="fixedDecimal"/> keeps one decimal
    /// even when it is zero (2.0M), for columns that should not jump in width.
    /// </summary>
    public static string Compact(double n, bool fixedDecimal = false)
    {
        string f = fixedDecimal ? "0.0" : "0.#";
        return Math.Abs(n) switch
        {
            >= 1e9 => (n / 1e9).ToString(f, Inv) + "B",
            >= 1e6 => (n / 1e6).ToString(f, Inv) + "M",
            >= 1e3 => (n / 1e3).ToString(f, Inv) + "k",
            _ => n.ToString("0", Inv),
        };
    }

    /// <summary>Dollars with cents ($3.40); whole dollars with thousands separators from $100 on when <paramref name="roundLarge"/>.</summary>
    public static string Money(double usd, bool roundLarge = false) => "$" + usd.ToString(roundLarge && Math.Abs(usd) >= 100 ? "#,0" : "0.00", Inv);

    /// <summary>Dollars for people, as the <see cref="double"/> overload formats them.</summary>
    public static string Money(decimal usd, bool roundLarge = false) => Money((double)usd, roundLarge);

    /// <summary>Money, or "unknown" when a price is missing (never $0.00 for something unpriced).</summary>
    public static string Money(decimal? usd, bool roundLarge = false) => usd is null ? "unknown" : Money((double)usd.Value, roundLarge);

    /// <summary>Dollars to four decimals, for one small request ($0.0011).</summary>
    public static string MoneyPrecise(double usd) => "$" + usd.ToString("0.0000", Inv);

    /// <summary>A whole number with thousands separators: 1,234,567.</summary>
    public static string Count(double n) => n.ToString("#,0", Inv);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    /// <summary>A UTC time to the minute, e.g. "2026-11-24 10:00 UTC".</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC";

    /// <summary>ISO 8601 in UTC to the second: 2026-11-24T10:00:00Z.</summary>
    public static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", Inv);

    /// <summary>A duration left, compact: 2h13m, 7m.</summary>
    public static string Remaining(TimeSpan left) =>
        left.TotalHours >= 1 ? $"{(int)left.TotalHours}h{left.Minutes:00}m" : $"{Math.Max(1, (int)Math.Ceiling(left.TotalMinutes))}m";
}
