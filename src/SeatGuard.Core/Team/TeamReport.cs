using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>
/// The <c>seatguard team report --json</c> document. <see cref="Totals"/> add up every machine's usage rows, so they
/// equal the sum of each machine's own <c>usage daily --json</c> totals over the same days.
/// </summary>
public sealed record TeamReport(
    string Store,
    string GeneratedAt,
    string? Since,
    IReadOnlyList<TeamPerson> People,
    IReadOnlyList<TeamMachine> Machines,
    UsageTotals Totals,
    IReadOnlyList<TeamFinding> Findings);
