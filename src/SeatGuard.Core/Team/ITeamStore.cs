namespace SeatGuard.Core.Team;

/// <summary>
/// The team store's side effects, as small as <see cref="TeamSync"/> and <see cref="TeamReportBuilder"/> need them.
/// Every write is one transaction: a day of a machine is replaced whole or not at all, so a sync that breaks off
/// leaves each day as it was before or as it is now, and the next sync carries on from there.
/// </summary>
public interface ITeamStore : IAsyncDisposable
{
    /// <summary>The store for messages (never a password).</summary>
    string Address { get; }

    /// <summary>Connects, and creates or migrates the schema to the version this SeatGuard knows.</summary>
    Task OpenAsync(CancellationToken cancellationToken);

    /// <summary>Holds this machine's sync lock until disposed: two syncs of one machine take turns; other machines never wait.</summary>
    Task LockMachineAsync(string machineId, CancellationToken cancellationToken);

    /// <summary>The content hash of every day the store holds for the machine.</summary>
    Task<IReadOnlyDictionary<DateOnly, string>> DayHashesAsync(string machineId, CancellationToken cancellationToken);

    /// <summary>Replaces the machine's rows of one day with <paramref name="rows"/> (none: the day is removed), in one transaction.</summary>
    Task ReplaceDayAsync(string machineId, DateOnly day, IReadOnlyList<UsageFact> rows, string hash, CancellationToken cancellationToken);

    /// <summary>The content hash of every launch the store holds for the machine, by (ledger id, time).</summary>
    Task<IReadOnlyDictionary<(long LedgerId, DateTimeOffset Time), string>> LaunchHashesAsync(string machineId, CancellationToken cancellationToken);

    /// <summary>Inserts or updates launches by (machine, ledger id, time), in one transaction.</summary>
    Task UpsertLaunchesAsync(string machineId, IReadOnlyList<(LaunchFact Launch, string Hash)> launches, CancellationToken cancellationToken);

    /// <summary>Inserts or updates the machine (name, person, doctor verdict, time of this sync).</summary>
    Task SaveMachineAsync(MachineFacts machine, CancellationToken cancellationToken);

    /// <summary>Everything from a day on (all when null).</summary>
    Task<TeamSnapshot> ReadAsync(DateOnly? since, CancellationToken cancellationToken);
}
