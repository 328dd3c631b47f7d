namespace SeatGuard.Core.Team;

/// <summary>What the team store holds (from a day on): every machine, its usage rows and its launches.</summary>
public sealed record TeamSnapshot(IReadOnlyList<MachineFacts> Machines, IReadOnlyList<StoredUsage> Usage, IReadOnlyList<StoredLaunch> Launches);
