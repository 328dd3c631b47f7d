using System.Globalization;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Report;

/// <summary>Text for the page: secrets scrubbed, HTML escaped, numbers in plain invariant formats.</summary>
public static partial class ReportText
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Every token-shaped run redacted (<see cref="Redactor.Scrub"/>, which leaves already-redacted text alone).</summary>
    public static string Scrub(string text) => Redactor.Scrub(text);

    /// <summary>Scrubbed, then HTML-escaped: safe in element text and in quoted attributes.</summary>
    public static string Esc(string text) => WebUtility.HtmlEncode(Scrub(text));

    /// <summary>Token counts the way people say them: 950, 12.3k, 4.1M, 1.2B.</summary>
    public static string Tokens(double n) => n switch
    {
        >= 1e9 => (n / 1e9).ToString("0.#", Inv) + "B",
        >= 1e6 => (n / 1e6).ToString("0.#", Inv) + "M",
        >= 1e3 => (n / 1e3).ToString("0.#", Inv) + "k",
        _ => n.ToString("0", Inv),
    };

    public static string Money(double usd) => "$" + usd.ToString(usd >= 100 ? "#,0" : "0.00", Inv);

    public static string Money(decimal? usd) => usd is null ? "unknown" : Money((double)usd.Value);

    public static string Count(double n) => n.ToString("#,0", Inv);

    public static string Date(DateOnly d) => d.ToString("yyyy-MM-dd", Inv);

    /// <summary>A UTC time to the minute, e.g. "2026-11-24 10:00 UTC".</summary>
    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd HH:mm", Inv) + " UTC";

}
