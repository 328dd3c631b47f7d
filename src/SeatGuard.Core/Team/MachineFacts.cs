namespace SeatGuard.Core.Team;

/// <summary>
/// A machine as the team store knows it: its stable id (<see cref="MachineIdentity"/>), a name for people, the OS
/// user, the person it belongs to (<c>--person</c>, else <c>person</c> in config.json, else the OS user), its time
/// zone (the days of its usage), the SeatGuard version and the doctor's verdict at its last sync.
/// </summary>
public sealed record MachineFacts(
    string MachineId,
    string Name,
    string OsUser,
    string Person,
    string TimeZone,
    string Version,
    DoctorFacts? Doctor,
    DateTimeOffset SyncedAt);
