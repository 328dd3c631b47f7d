using System.Text.Json.Serialization;

namespace SeatGuard.Core.Report;

/// <summary>The <c>seatguard report --html FILE --json</c> document: where the page went and which sections have data.</summary>
public sealed record ReportSummary(string File, IReadOnlyList<ReportSectionStatus> Sections);
