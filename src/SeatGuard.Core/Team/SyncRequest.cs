using SeatGuard.Core.Usage;

namespace SeatGuard.Core.Team;

/// <summary>
/// A validated <c>seatguard sync</c>: the store, the team secret, how usage is counted (the query <c>usage daily</c>
/// would use by default: its time zone, price table and cost mode) and the names given on the command line.
/// </summary>
/// <param name="Person">Whose machine this is (<c>--person</c>); default <c>person</c> in config.json, else the OS user.</param>
/// <param name="Machine">This machine's name for people (<c>--machine</c>); default <c>machine</c> in config.json, else the host name.</param>
/// <param name="Version">The SeatGuard version doing the sync (kept with the machine).</param>
public sealed record SyncRequest(
    TeamStoreAddress Store,
    TeamKey Key,
    UsageQuery Query,
    string? ConfigDir,
    string? Person,
    string? Machine,
    string Version);
