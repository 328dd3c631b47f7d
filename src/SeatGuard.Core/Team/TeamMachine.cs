namespace SeatGuard.Core.Team;

/// <summary>One machine in the team report: who it belongs to, when it last synced, what its doctor said, what it used.</summary>
public sealed record TeamMachine(
    string MachineId,
    string Machine,
    string Person,
    string OsUser,
    string LastSync,
    string TimeZone,
    string SeatguardVersion,
    DoctorFacts? Doctor,
    IReadOnlyDictionary<string, int> Launches,
    double CostUsd,
    long TotalTokens);
