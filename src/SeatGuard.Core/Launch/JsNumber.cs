using System.Globalization;

namespace SeatGuard.Core.Launch;

/// <summary>A number as JavaScript prints it (<c>String(n)</c>): Claude Code writes its limits into messages this way (<c>1e-7</c>, <c>0.5</c>, <c>3</c>).</summary>
public static class JsNumber
{
    /// <summary>The option text as Claude Code would echo it after reading it as a number; the text itself when it is not one.</summary>
    public static string? Echo(string? optionValue) =>
        optionValue is null ? null
        : double.TryParse(optionValue.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? ToString(d) : optionValue;

    /// <summary>The number as JavaScript's <c>String(n)</c> writes it (what Claude Code prints).</summary>
    public static string ToString(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsPositiveInfinity(value)) return "Infinity";
        if (double.IsNegativeInfinity(value)) return "-Infinity";
        if (value == 0) return "0";
        string sign = value < 0 ? "-" : "";
        // Shortest round-trip digits and the decimal exponent, from .NET's "E16"-free shortest form.
        string r = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int e = 0;
        int ePos = r.IndexOfAny(['E', 'e']);
        if (ePos >= 0)
        {
            e = int.Parse(r[(ePos + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            r = r[..ePos];
        }
        int dot = r.IndexOf('.');
        string intPart = dot < 0 ? r : r[..dot];
        string frac = dot < 0 ? "" : r[(dot + 1)..];
        string digits = (intPart + frac).TrimStart('0');
        int leadingZeros = (intPart + frac).Length - digits.Length;
        digits = digits.TrimEnd('0');
        if (digits.Length == 0) return "0";
        int n = intPart.Length - leadingZeros + e; // value = 0.digits × 10^n
        int k = digits.Length;
        string body;
        if (k <= n && n <= 21) body = digits + new string('0', n - k);
        else if (0 < n && n <= 21) body = digits[..n] + "." + digits[n..];
        else if (-6 < n && n <= 0) body = "0." + new string('0', -n) + digits;
        else
        {
            int exp = n - 1;
            body = digits[0] + (k > 1 ? "." + digits[1..] : "") + "e" + (exp >= 0 ? "+" : "-") + Math.Abs(exp).ToString(CultureInfo.InvariantCulture);
        }
        return sign + body;
    }
}
