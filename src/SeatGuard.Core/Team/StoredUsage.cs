namespace SeatGuard.Core.Team;

/// <summary>A usage row in the team store and the machine that sent it.</summary>
public sealed record StoredUsage(string MachineId, UsageFact Fact);
