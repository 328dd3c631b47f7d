using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using SeatGuard.Core.Common;
using SeatGuard.Core.Credentials;
using static SeatGuard.Core.Report.ReportText;

namespace SeatGuard.Core.Report;

/// <summary>Whether one section of the page has data, and if not, why.</summary>
public sealed record ReportSectionStatus(string Id, string Title, bool HasData, string? Missing);
