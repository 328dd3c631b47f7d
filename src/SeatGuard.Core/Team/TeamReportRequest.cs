namespace SeatGuard.Core.Team;

/// <summary>A validated <c>seatguard team report</c>.</summary>
/// <param name="MachinesPerPerson">More machines than this on one subscription credential is a pooled seat even for one person.</param>
public sealed record TeamReportRequest(TeamStoreAddress Store, DateOnly? Since, int MachinesPerPerson = TeamReportRequest.DefaultMachinesPerPerson)
{
    public const int DefaultMachinesPerPerson = 3;
}
