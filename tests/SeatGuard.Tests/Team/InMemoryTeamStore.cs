using SeatGuard.Core.Team;

namespace SeatGuard.Tests.Team;

/// <summary>
/// A team store in memory with the same contract as the PostgreSQL one (a day replaced whole, launches upserted by
/// key), for testing the sync's logic without a server. <see cref="FailAfterWrites"/> breaks a sync off part way.
/// </summary>
public sealed class InMemoryTeamStore : ITeamStore
{
    private readonly Data _data;

    public sealed class Data
    {
        public readonly object Gate = new();
        public readonly Dictionary<string, MachineFacts> Machines = new(StringComparer.Ordinal);
        public readonly Dictionary<(string, DateOnly), (List<UsageFact> Rows, string Hash)> Days = [];
        public readonly Dictionary<(string, long, DateTimeOffset), (LaunchFact Launch, string Hash)> Launches = [];
        public int Writes;
        /// <summary>Throw on the write after this many (null: never).</summary>
        public int? FailAfterWrites;
        public List<DateOnly> ReplacedDays { get; } = [];

        public Func<TeamStoreAddress, ITeamStore> Factory => _ => new InMemoryTeamStore(this);
    }

    private InMemoryTeamStore(Data data) => _data = data;

    public string Address => "memory://team";

    public Task OpenAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task LockMachineAsync(string machineId, CancellationToken cancellationToken) => Task.CompletedTask;

    private void Write(Action action)
    {
        lock (_data.Gate)
        {
            if (_data.FailAfterWrites is { } n && _data.Writes >= n) throw new TeamStoreException("the connection was dropped (test)");
            _data.Writes++;
            action();
        }
    }

    public Task<IReadOnlyDictionary<DateOnly, string>> DayHashesAsync(string machineId, CancellationToken cancellationToken)
    {
        lock (_data.Gate)
            return Task.FromResult<IReadOnlyDictionary<DateOnly, string>>(_data.Days.Where(d => d.Key.Item1 == machineId).ToDictionary(d => d.Key.Item2, d => d.Value.Hash));
    }

    public Task ReplaceDayAsync(string machineId, DateOnly day, IReadOnlyList<UsageFact> rows, string hash, CancellationToken cancellationToken)
    {
        Write(() =>
        {
            if (rows.Count == 0) _data.Days.Remove((machineId, day));
            else _data.Days[(machineId, day)] = (rows.ToList(), hash);
            _data.ReplacedDays.Add(day);
        });
        return Task.CompletedTask;
    }

    public Task<IReadOnlyDictionary<(long LedgerId, DateTimeOffset Time), string>> LaunchHashesAsync(string machineId, CancellationToken cancellationToken)
    {
        lock (_data.Gate)
            return Task.FromResult<IReadOnlyDictionary<(long LedgerId, DateTimeOffset Time), string>>(
                _data.Launches.Where(l => l.Key.Item1 == machineId).ToDictionary(l => (l.Key.Item2, l.Key.Item3), l => l.Value.Hash));
    }

    public Task UpsertLaunchesAsync(string machineId, IReadOnlyList<(LaunchFact Launch, string Hash)> launches, CancellationToken cancellationToken)
    {
        Write(() => { foreach (var (l, h) in launches) _data.Launches[(machineId, l.LedgerId, l.Time)] = (l, h); });
        return Task.CompletedTask;
    }

    public Task SaveMachineAsync(MachineFacts machine, CancellationToken cancellationToken)
    {
        Write(() => _data.Machines[machine.MachineId] = machine);
        return Task.CompletedTask;
    }

    public Task<TeamSnapshot> ReadAsync(DateOnly? since, CancellationToken cancellationToken)
    {
        lock (_data.Gate)
        {
            return Task.FromResult(new TeamSnapshot(_data.Machines.Values.ToList(),
                _data.Days.SelectMany(d => d.Value.Rows.Select(r => new StoredUsage(d.Key.Item1, r))).Where(u => since is null || u.Fact.Day >= since).ToList(),
                _data.Launches.Select(l => new StoredLaunch(l.Key.Item1, l.Value.Launch)).Where(l => since is null || l.Fact.Day >= since).ToList()));
        }
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;
}
