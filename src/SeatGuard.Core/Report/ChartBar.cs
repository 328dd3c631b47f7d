using System.Globalization;
using System.Text;

namespace SeatGuard.Core.Report;

/// <summary>One bar: its label and one value per series (stacked in series order).</summary>
public sealed record ChartBar(string Label, IReadOnlyList<double> Values);
