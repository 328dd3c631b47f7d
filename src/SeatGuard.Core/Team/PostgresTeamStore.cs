using Npgsql;
using NpgsqlTypes;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Team;

/// <summary>
/// The team store on PostgreSQL (Npgsql, its slim builder: no reflection, fit for Native AOT). One connection per
/// sync or report; every write is one transaction; a machine's sync holds a session advisory lock on that machine,
/// and a migration holds a transaction lock on the schema, so any number of machines can sync at once.
/// </summary>
public sealed class PostgresTeamStore : ITeamStore
{
    private const int LockClass = 0x5347; // "SG"
    private readonly TeamStoreAddress _address;
    private NpgsqlDataSource? _source;
    private NpgsqlConnection? _connection;

    public PostgresTeamStore(TeamStoreAddress address, string appliedBy = "seatguard")
    {
        _address = address;
        AppliedBy = appliedBy;
    }

    /// <summary>What <c>schema_version.applied_by</c> records for a migration this store applies.</summary>
    public string AppliedBy { get; }

    public string Address => _address.Display;

    public static ITeamStore Open(TeamStoreAddress address) => new PostgresTeamStore(address);

    private NpgsqlConnection Connection => _connection ?? throw new InvalidOperationException("the team store is not open");

    public Task OpenAsync(CancellationToken cancellationToken) => Guard("connect to", async () =>
    {
        var builder = new NpgsqlSlimDataSourceBuilder(_address.ConnectionString);
        builder.EnableTransportSecurity();
        _source = builder.Build();
        _connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var tx = await _connection.BeginTransactionAsync(cancellationToken);
        await Execute(tx, $"SELECT pg_advisory_xact_lock({LockClass}, 0)", cancellationToken);
        // Created only when missing: a role that may only read (a dashboard's) must not need CREATE.
        await using (var exists = new NpgsqlCommand("SELECT to_regclass('schema_version') IS NOT NULL", _connection, tx))
        {
            if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken))!) await Execute(tx, PostgresSchema.VersionTable, cancellationToken);
        }
        int current;
        await using (var cmd = new NpgsqlCommand("SELECT coalesce(max(version), 0) FROM schema_version", _connection, tx))
            current = Convert.ToInt32(await cmd.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        if (current > PostgresSchema.Latest)
            throw new TeamStoreException($"the team store {Address} has schema version {current}, newer than this SeatGuard knows ({PostgresSchema.Latest}): upgrade SeatGuard on this machine");
        for (int v = current + 1; v <= PostgresSchema.Latest; v++)
        {
            await Execute(tx, PostgresSchema.Migrations[v - 1], cancellationToken);
            await using var record = new NpgsqlCommand("INSERT INTO schema_version (version, applied_by) VALUES ($1, $2)", _connection, tx);
            record.Parameters.Add(new NpgsqlParameter { Value = v });
            record.Parameters.Add(new NpgsqlParameter { Value = AppliedBy });
            await record.ExecuteNonQueryAsync(cancellationToken);
        }
        await tx.CommitAsync(cancellationToken);
    });

    public Task LockMachineAsync(string machineId, CancellationToken cancellationToken) => Guard("lock this machine's rows in", async () =>
    {
        await using var cmd = new NpgsqlCommand($"SELECT pg_advisory_lock({LockClass}, hashtext($1))", Connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = machineId });
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    });

    public Task<IReadOnlyDictionary<DateOnly, string>> DayHashesAsync(string machineId, CancellationToken cancellationToken) => Guard("read", async () =>
    {
        var map = new Dictionary<DateOnly, string>();
        await using var cmd = new NpgsqlCommand("SELECT day, hash FROM usage_days WHERE machine_id = $1", Connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = machineId });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) map[r.GetFieldValue<DateOnly>(0)] = r.GetString(1);
        return (IReadOnlyDictionary<DateOnly, string>)map;
    });

    public Task ReplaceDayAsync(string machineId, DateOnly day, IReadOnlyList<UsageFact> rows, string hash, CancellationToken cancellationToken) => Guard("write to", async () =>
    {
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(Connection, tx);
        batch.BatchCommands.Add(Command("DELETE FROM usage WHERE machine_id = $1 AND day = $2", machineId, day));
        foreach (var f in rows)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO usage (machine_id, day, model, project, billing_source, input_tokens, output_tokens, cache_creation_tokens,
                  cache_read_tokens, total_tokens, cost_usd, entries, unpriced_entries)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
                """, machineId, day, f.Model, f.Project, f.BillingSource, f.InputTokens, f.OutputTokens, f.CacheCreationTokens,
                f.CacheReadTokens, f.TotalTokens, f.CostUsd, f.Entries, f.UnpricedEntries));
        }
        batch.BatchCommands.Add(rows.Count == 0
            ? Command("DELETE FROM usage_days WHERE machine_id = $1 AND day = $2", machineId, day)
            : Command("""
                INSERT INTO usage_days (machine_id, day, hash, synced_at) VALUES ($1, $2, $3, now())
                ON CONFLICT (machine_id, day) DO UPDATE SET hash = excluded.hash, synced_at = excluded.synced_at
                """, machineId, day, hash));
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    });

    public Task<IReadOnlyDictionary<(long LedgerId, DateTimeOffset Time), string>> LaunchHashesAsync(string machineId, CancellationToken cancellationToken) => Guard("read", async () =>
    {
        var map = new Dictionary<(long, DateTimeOffset), string>();
        await using var cmd = new NpgsqlCommand("SELECT ledger_id, launched_at, hash FROM launches WHERE machine_id = $1", Connection);
        cmd.Parameters.Add(new NpgsqlParameter { Value = machineId });
        await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
        while (await r.ReadAsync(cancellationToken)) map[(r.GetInt64(0), Utc(r.GetDateTime(1)))] = r.GetString(2);
        return (IReadOnlyDictionary<(long LedgerId, DateTimeOffset Time), string>)map;
    });

    public Task UpsertLaunchesAsync(string machineId, IReadOnlyList<(LaunchFact Launch, string Hash)> launches, CancellationToken cancellationToken) => Guard("write to", async () =>
    {
        if (launches.Count == 0) return;
        await using var tx = await Connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(Connection, tx);
        foreach (var (l, hash) in launches)
        {
            batch.BatchCommands.Add(Command("""
                INSERT INTO launches (machine_id, ledger_id, launched_at, day, owner, beneficiary, mode, verdict, proven, credential_kind,
                  credential_source, fingerprint, forced, overage, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
                  rate_limit_type, rate_limit_status, hash, synced_at)
                VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21, $22, now())
                ON CONFLICT (machine_id, ledger_id, launched_at) DO UPDATE SET
                  day = excluded.day, owner = excluded.owner, beneficiary = excluded.beneficiary, mode = excluded.mode, verdict = excluded.verdict,
                  proven = excluded.proven, credential_kind = excluded.credential_kind, credential_source = excluded.credential_source,
                  fingerprint = excluded.fingerprint, forced = excluded.forced, overage = excluded.overage, cost_usd = excluded.cost_usd,
                  input_tokens = excluded.input_tokens, output_tokens = excluded.output_tokens, cache_creation_tokens = excluded.cache_creation_tokens,
                  cache_read_tokens = excluded.cache_read_tokens, rate_limit_type = excluded.rate_limit_type,
                  rate_limit_status = excluded.rate_limit_status, hash = excluded.hash, synced_at = excluded.synced_at
                """, machineId, l.LedgerId, l.Time.ToUniversalTime(), l.Day, l.Owner, l.Beneficiary, l.Mode, l.Verdict, l.Proven, l.CredentialKind,
                l.CredentialSource, l.Fingerprint, l.Forced, l.Overage, l.CostUsd, l.InputTokens, l.OutputTokens, l.CacheCreationTokens,
                l.CacheReadTokens, l.RateLimitType, l.RateLimitStatus, hash));
        }
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await tx.CommitAsync(cancellationToken);
    });

    public Task SaveMachineAsync(MachineFacts m, CancellationToken cancellationToken) => Guard("write to", async () =>
    {
        await using var cmd = Command(Connection, """
            INSERT INTO machines (machine_id, name, os_user, person, time_zone, seatguard_version, doctor_verdict, doctor_credential_kind,
              doctor_credential_source, doctor_fingerprint, doctor_errors, doctor_warnings, last_sync)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)
            ON CONFLICT (machine_id) DO UPDATE SET name = excluded.name, os_user = excluded.os_user, person = excluded.person,
              time_zone = excluded.time_zone, seatguard_version = excluded.seatguard_version, doctor_verdict = excluded.doctor_verdict,
              doctor_credential_kind = excluded.doctor_credential_kind, doctor_credential_source = excluded.doctor_credential_source,
              doctor_fingerprint = excluded.doctor_fingerprint, doctor_errors = excluded.doctor_errors, doctor_warnings = excluded.doctor_warnings,
              last_sync = excluded.last_sync
            """, m.MachineId, m.Name, m.OsUser, m.Person, m.TimeZone, m.Version, m.Doctor?.Verdict, m.Doctor?.CredentialKind,
            m.Doctor?.CredentialSource, m.Doctor?.Fingerprint, m.Doctor?.Errors, m.Doctor?.Warnings, m.SyncedAt.ToUniversalTime());
        await cmd.ExecuteNonQueryAsync(cancellationToken);
    });

    public Task<TeamSnapshot> ReadAsync(DateOnly? since, CancellationToken cancellationToken) => Guard("read", async () =>
    {
        // One snapshot: the three reads see the same committed state.
        await using var tx = await Connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, cancellationToken);
        var machines = new List<MachineFacts>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT machine_id, name, os_user, person, time_zone, seatguard_version, doctor_verdict, doctor_credential_kind,
              doctor_credential_source, doctor_fingerprint, doctor_errors, doctor_warnings, last_sync
            FROM machines ORDER BY machine_id
            """, Connection, tx))
        await using (var r = await cmd.ExecuteReaderAsync(cancellationToken))
        {
            while (await r.ReadAsync(cancellationToken))
            {
                DoctorFacts? doctor = r.IsDBNull(6) ? null : new DoctorFacts(r.GetString(6), Text(r, 7) ?? "none", Text(r, 8) ?? "none", Text(r, 9),
                    r.IsDBNull(10) ? 0 : r.GetInt32(10), r.IsDBNull(11) ? 0 : r.GetInt32(11));
                machines.Add(new MachineFacts(r.GetString(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5), doctor, Utc(r.GetDateTime(12))));
            }
        }
        string where = since is null ? "" : " WHERE day >= $1";
        var usage = new List<StoredUsage>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT machine_id, day, model, project, billing_source, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
              total_tokens, cost_usd, entries, unpriced_entries
            FROM usage{where} ORDER BY machine_id, day, model, project, billing_source
            """, Connection, tx))
        {
            if (since is { } s) cmd.Parameters.Add(new NpgsqlParameter { Value = s });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                usage.Add(new StoredUsage(r.GetString(0), new UsageFact(r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.GetInt64(5), r.GetInt64(6), r.GetInt64(7), r.GetInt64(8), r.GetInt64(9), r.GetDouble(10), r.GetInt32(11), r.GetInt32(12))));
            }
        }
        var launches = new List<StoredLaunch>();
        await using (var cmd = new NpgsqlCommand($"""
            SELECT machine_id, ledger_id, launched_at, day, owner, beneficiary, mode, verdict, proven, credential_kind, credential_source,
              fingerprint, forced, overage, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
              rate_limit_type, rate_limit_status
            FROM launches{where} ORDER BY launched_at, machine_id, ledger_id
            """, Connection, tx))
        {
            if (since is { } s) cmd.Parameters.Add(new NpgsqlParameter { Value = s });
            await using var r = await cmd.ExecuteReaderAsync(cancellationToken);
            while (await r.ReadAsync(cancellationToken))
            {
                launches.Add(new StoredLaunch(r.GetString(0), new LaunchFact(r.GetInt64(1), Utc(r.GetDateTime(2)), r.GetFieldValue<DateOnly>(3),
                    r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetBoolean(8), r.GetString(9), r.GetString(10), Text(r, 11),
                    r.GetBoolean(12), r.GetBoolean(13), r.IsDBNull(14) ? null : r.GetDouble(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17),
                    r.GetInt64(18), Text(r, 19), Text(r, 20))));
            }
        }
        await tx.CommitAsync(cancellationToken);
        return new TeamSnapshot(machines, usage, launches);
    });

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
        if (_source is not null) await _source.DisposeAsync();
        _connection = null;
        _source = null;
    }

    private static string? Text(NpgsqlDataReader r, int i) => r.IsDBNull(i) ? null : r.GetString(i);

    private static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));

    private static NpgsqlBatchCommand Command(string sql, params object?[] values)
    {
        var c = new NpgsqlBatchCommand(sql);
        foreach (var v in values) c.Parameters.Add(Parameter(v));
        return c;
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object?[] values)
    {
        var c = new NpgsqlCommand(sql, connection);
        foreach (var v in values) c.Parameters.Add(Parameter(v));
        return c;
    }

    private static NpgsqlParameter Parameter(object? value) => value switch
    {
        null => new NpgsqlParameter { Value = DBNull.Value, NpgsqlDbType = NpgsqlDbType.Unknown },
        _ => new NpgsqlParameter { Value = value },
    };

    private async Task Execute(NpgsqlTransaction tx, string sql, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, Connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Every failure of the server or the network becomes one <see cref="TeamStoreException"/> that names the store, never a password.</summary>
    private async Task<T> Guard<T>(string what, Func<Task<T>> action)
    {
        try
        {
            return await action();
        }
        catch (Exception e) when (e is NpgsqlException or System.Net.Sockets.SocketException or TimeoutException or IOException or ArgumentException or InvalidOperationException
                                   && e is not TeamStoreException && e is not OperationCanceledException)
        {
            throw new TeamStoreException($"cannot {what} the team store {Address}: {Reason(e)}", e);
        }
    }

    private Task Guard(string what, Func<Task> action) => Guard(what, async () => { await action(); return true; });

    private string Reason(Exception e)
    {
        var message = e is PostgresException pg ? $"{pg.MessageText} ({pg.SqlState})" : (e.InnerException is { } inner && e.Message.StartsWith("Exception while", StringComparison.Ordinal) ? inner.Message : e.Message);
        return Redactor.Scrub(message.Split('\n')[0].Trim());
    }
}
