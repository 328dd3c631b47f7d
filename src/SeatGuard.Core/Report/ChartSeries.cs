using System.Globalization;
using System.Text;

namespace SeatGuard.Core.Report;

/// <summary>A named colour in a chart's legend (a model, a verdict, a tier).</summary>
public sealed record ChartSeries(string Name, string Color);
