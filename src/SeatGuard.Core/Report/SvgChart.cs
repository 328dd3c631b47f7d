using System.Globalization;
using System.Text;

namespace SeatGuard.Core.Report;

/// <summary>
/// Hand-built inline SVG charts: no scripts, fonts or images. Every chart has a title and a description
/// for screen readers, a tooltip on every mark, and scales to its container (viewBox, width 100%).
/// Every mark carries class "mark" so tests can count them.
/// </summary>
public static class SvgChart
{
    private const int Width = 960;
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>Vertical bars, stacked by series, with a value axis on the left.</summary>
    public static string Columns(string id, string title, string description, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBar> bars, Func<double, string> format)
    {
        const int height = 300, left = 72, right = 12, top = 16, bottom = 32;
        double plotW = Width - left - right, plotH = height - top - bottom;
        var (max, step) = Scale(bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max());
        var sb = Open(id, title, description, height);
        for (double v = 0; v <= max + step / 2; v += step)
        {
            double y = top + plotH - v / max * plotH;
            sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{N(y)}\" y2=\"{N(y)}\" class=\"grid\"/>");
            sb.Append(Inv, $"<text x=\"{left - 6}\" y=\"{N(y + 4)}\" text-anchor=\"end\" class=\"axis\">{Esc(format(v))}</text>");
        }
        double slot = plotW / Math.Max(1, bars.Count), barW = Math.Max(Math.Min(2, slot), slot * 0.72);
        // Thin the axis labels so they never overlap (about 7px per character at the axis font size).
        int longest = bars.Select(b => Math.Min(14, b.Label.Length)).DefaultIfEmpty(0).Max();
        int labelEvery = Math.Max(1, (int)Math.Ceiling((longest * 7 + 12) / slot));
        for (int i = 0; i < bars.Count; i++)
        {
            double x = left + i * slot + (slot - barW) / 2, y = top + plotH;
            for (int s = 0; s < series.Count; s++)
            {
                double v = s < bars[i].Values.Count ? bars[i].Values[s] : 0;
                if (v <= 0) continue;
                double h = v / max * plotH;
                y -= h;
                sb.Append(Inv, $"<rect class=\"mark\" x=\"{N(x)}\" y=\"{N(y)}\" width=\"{N(barW)}\" height=\"{N(Math.Max(h, 0.5))}\" fill=\"{series[s].Color}\">");
                sb.Append(Inv, $"<title>{Esc(bars[i].Label)} · {Esc(series[s].Name)}: {Esc(format(v))}</title></rect>");
            }
            if (i % labelEvery == 0)
                sb.Append(Inv, $"<text x=\"{N(x + barW / 2)}\" y=\"{height - bottom + 18}\" text-anchor=\"middle\" class=\"axis\">{Esc(Short(bars[i].Label, 14))}</text>");
        }
        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{Width - right}\" y1=\"{N(top + plotH)}\" y2=\"{N(top + plotH)}\" class=\"baseline\"/>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>Horizontal bars, one row per bar, stacked by series, each labelled on the left and with its total on the right.</summary>
    public static string Rows(string id, string title, string description, IReadOnlyList<ChartSeries> series, IReadOnlyList<ChartBar> bars, Func<double, string> format)
    {
        const int rowH = 34, top = 8, left = 220, right = 110;
        int height = top * 2 + rowH * Math.Max(1, bars.Count);
        double plotW = Width - left - right;
        double max = Math.Max(bars.Select(b => b.Values.Sum()).DefaultIfEmpty(0).Max(), 1e-9);
        var sb = Open(id, title, description, height);
        for (int i = 0; i < bars.Count; i++)
        {
            double y = top + i * rowH, x = left;
            sb.Append(Inv, $"<text x=\"{left - 10}\" y=\"{N(y + rowH / 2.0 + 5)}\" text-anchor=\"end\" class=\"label\">{Esc(Short(bars[i].Label, 26))}</text>");
            for (int s = 0; s < series.Count; s++)
            {
                double v = s < bars[i].Values.Count ? bars[i].Values[s] : 0;
                if (v <= 0) continue;
                double w = v / max * plotW;
                sb.Append(Inv, $"<rect class=\"mark\" x=\"{N(x)}\" y=\"{N(y + 5)}\" width=\"{N(Math.Max(w, 0.5))}\" height=\"{rowH - 10}\" fill=\"{series[s].Color}\">");
                sb.Append(Inv, $"<title>{Esc(bars[i].Label)} · {Esc(series[s].Name)}: {Esc(format(v))}</title></rect>");
                x += w;
            }
            sb.Append(Inv, $"<text x=\"{N(x + 8)}\" y=\"{N(y + rowH / 2.0 + 5)}\" class=\"value\">{Esc(format(bars[i].Values.Sum()))}</text>");
        }
        sb.Append(Inv, $"<line x1=\"{left}\" x2=\"{left}\" y1=\"{top}\" y2=\"{height - top}\" class=\"baseline\"/>");
        return sb.Append("</svg>").ToString();
    }

    /// <summary>An HTML legend (colour swatch and name per series); empty for a single unnamed series.</summary>
    public static string Legend(IReadOnlyList<ChartSeries> series)
    {
        var sb = new StringBuilder("<ul class=\"legend\">");
        foreach (var s in series) sb.Append(Inv, $"<li><span class=\"swatch\" style=\"background:{s.Color}\"></span>{Esc(s.Name)}</li>");
        return sb.Append("</ul>").ToString();
    }

    /// <summary>A round axis maximum and tick step for values up to <paramref name="max"/> (about four ticks).</summary>
    internal static (double Max, double Step) Scale(double max)
    {
        if (max <= 0) return (1, 0.25);
        double raw = max / 4, magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw))), residual = raw / magnitude;
        double step = (residual <= 1 ? 1 : residual <= 2 ? 2 : residual <= 2.5 ? 2.5 : residual <= 5 ? 5 : 10) * magnitude;
        return (Math.Ceiling(max / step - 1e-9) * step, step);
    }

    private static StringBuilder Open(string id, string title, string description, int height)
    {
        var sb = new StringBuilder();
        sb.Append(Inv, $"<svg class=\"chart\" id=\"{Esc(id)}\" viewBox=\"0 0 {Width} {height}\" width=\"{Width}\" height=\"{height}\" role=\"img\" aria-labelledby=\"{Esc(id)}-title {Esc(id)}-desc\" xmlns=\"http://www.w3.org/2000/svg\">");
        sb.Append(Inv, $"<title id=\"{Esc(id)}-title\">{Esc(title)}</title><desc id=\"{Esc(id)}-desc\">{Esc(description)}</desc>");
        return sb;
    }

    private static string Short(string s, int max) => (s = ReportText.Scrub(s)).Length <= max ? s : s[..(max - 1)] + "…";

    private static string N(double v) => v.ToString("0.#", Inv);

    private static string Esc(string s) => ReportText.Esc(s);
}
