using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SeatGuard.Core.Common.Json;

/// <summary>
/// JavaScript's <c>String(value)</c> for a JSON value: what Claude Code makes of a settings <c>env</c> entry that
/// is not a string (measured: <c>null</c> becomes <c>"null"</c>, <c>12345</c> becomes <c>"12345"</c>, <c>true</c>
/// becomes <c>"true"</c> — and is sent as the API key).
/// </summary>
public static class JsString
{
    /// <summary>JavaScript's <c>String(value)</c> of <paramref name="node"/>: a string as it is, anything else as JavaScript prints it (<c>null</c> for a missing value).</summary>
    public static string Of(JsonNode? node) => node switch
    {
        null => "null",
        JsonObject => "[object Object]",
        JsonArray a => string.Join(",", a.Select(e => e is null ? "" : Of(e))),
        JsonValue v => v.GetValueKind() switch
        {
            JsonValueKind.String => v.GetValue<string>(),
            JsonValueKind.True => "true",
            JsonValueKind.False => "false",
            JsonValueKind.Number => Number(double.Parse(v.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)),
            _ => "null",
        },
        _ => "",
    };

    /// <summary>ECMAScript's Number::toString(10): shortest round-trip digits, exponent form below 1e-6 and from 1e21.</summary>
    public static string Number(double value)
    {
        if (double.IsNaN(value)) return "NaN";
        if (double.IsInfinity(value)) return value > 0 ? "Infinity" : "-Infinity";
        if (value == 0) return "0";
        var sb = new StringBuilder();
        if (value < 0) { sb.Append('-'); value = -value; }
        var r = value.ToString("E16", CultureInfo.InvariantCulture);
        // Shortest digits that round-trip.
        for (int precision = 1; precision <= 17; precision++)
        {
            var candidate = value.ToString("E" + (precision - 1), CultureInfo.InvariantCulture);
            if (double.Parse(candidate, CultureInfo.InvariantCulture) == value) { r = candidate; break; }
        }
        int e = r.IndexOf('E');
        string digits = r[..e].Replace(".", "", StringComparison.Ordinal).TrimEnd('0');
        if (digits.Length == 0) digits = "0";
        int n = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture) + 1; // value = 0.digits × 10^n
        int k = digits.Length;
        if (k <= n && n <= 21) sb.Append(digits).Append('0', n - k);
        else if (0 < n && n <= 21) sb.Append(digits, 0, n).Append('.').Append(digits, n, k - n);
        else if (-6 < n && n <= 0) sb.Append("0.").Append('0', -n).Append(digits);
        else
        {
            sb.Append(digits[0]);
            if (k > 1) sb.Append('.').Append(digits, 1, k - 1);
            sb.Append('e').Append(n - 1 >= 0 ? "+" : "-").Append(Math.Abs(n - 1).ToString(CultureInfo.InvariantCulture));
        }
        return sb.ToString();
    }
}
