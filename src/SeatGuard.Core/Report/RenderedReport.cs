using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using static SeatGuard.Core.Report.ReportText;

namespace SeatGuard.Core.Report;

/// <summary>The page and what it contains.</summary>
public sealed record RenderedReport(string Html, IReadOnlyList<ReportSectionStatus> Sections);
