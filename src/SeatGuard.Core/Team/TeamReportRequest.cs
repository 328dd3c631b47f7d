namespace SeatGuard.Core.Team;

/// <summary>A validated <c>seatguard team report</c>.</summary>
/// <param name="Store">The team store to read.</param>
/// <param name="Since">The first day to include; null for everything synced.</param>
/// <param name="MachinesPerPerson">More machines than this on one subscription credential is a pooled seat even for one person.</param>
public sealed record TeamReportRequest(TeamStoreAddress Store, DateOnly? Since, int MachinesPerPerson = TeamReportRequest.DefaultMachinesPerPerson)
{
    /// <summary>The default for <see cref="MachinesPerPerson"/>.</summary>
    public const int DefaultMachinesPerPerson = 3;
}
