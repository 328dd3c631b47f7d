namespace SeatGuard.Core.Team;

/// <summary>A launch in the team store and the machine that sent it.</summary>
public sealed record StoredLaunch(string MachineId, LaunchFact Fact);
