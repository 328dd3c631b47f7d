using System.Net;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Report;

/// <summary>Text for the page: secrets scrubbed, HTML escaped, numbers in plain invariant formats.</summary>
public static partial class ReportText
{
    /// <summary>Every token-shaped run redacted (<see cref="Redactor.Scrub"/>, which leaves already-redacted text alone).</summary>
    public static string Scrub(string text) => Redactor.Scrub(text);

    /// <summary>Scrubbed, then HTML-escaped: safe in element text and in quoted attributes.</summary>
    public static string Esc(string text) => WebUtility.HtmlEncode(Scrub(text));

    /// <summary>Token counts the way people say them: 950, 12.3k, 4.1M, 1.2B.</summary>
    public static string Tokens(double n) => Format.Compact(n);

    /// <summary>Dollars, large amounts rounded.</summary>
    public static string Money(double usd) => Format.Money(usd, roundLarge: true);

    /// <summary>Dollars, large amounts rounded; a dash when unknown.</summary>
    public static string Money(decimal? usd) => Format.Money(usd, roundLarge: true);

    /// <summary>A count for people.</summary>
    public static string Count(double n) => Format.Count(n);

    /// <summary>A date as <c>YYYY-MM-DD</c>.</summary>
    public static string Date(DateOnly d) => Format.Date(d);

    /// <summary>A UTC time to the minute, e.g. "2026-11-24 10:00 UTC".</summary>
    public static string Time(DateTimeOffset t) => Format.Time(t);
}
