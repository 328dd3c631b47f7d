using System.Text.Json;
using Microsoft.Data.Sqlite;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Files;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Ledger;

/// <summary>
/// The local ledger: an embedded SQLite database under SeatGuard's data directory, one row per launch, readable by
/// its owner only (the directory 0700, the database and its WAL files 0600; older files are tightened when opened).
/// Safe under concurrent launches (WAL journal, busy timeout). Older databases are migrated in place: columns
/// added since are added, existing rows kept.
/// </summary>
public sealed class LedgerStore : IDisposable
{
    /// <summary>The schema this SeatGuard writes (<c>PRAGMA user_version</c>); older ledgers are migrated.</summary>
    public const int SchemaVersion = 2;
    private readonly SqliteConnection _connection;
    /// <summary>The database file.</summary>
    public string Path { get; }

    /// <summary>Columns added after version 1, with their SQL types (added in place when missing).</summary>
    private static readonly (string Name, string Type)[] AddedColumns =
    [
        ("models", "TEXT"), ("request_ids", "TEXT"), ("rate_limit_events", "TEXT"), ("overage", "INTEGER NOT NULL DEFAULT 0"),
        ("stopped_by", "TEXT"), ("seatguard_exit", "INTEGER"), ("model_decision", "TEXT"),
    ];

    private const string Columns = "id, time, command, cwd, beneficiary, owner, mode, credential_kind, credential_source, credential_fingerprint, verdict, exit_code, session_id, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, forced, warning, rate_limit_type, rate_limit_status, utilization, overage_in_use, models, request_ids, rate_limit_events, overage, stopped_by, seatguard_exit, model_decision";

    private LedgerStore(string path, SqliteConnection connection)
    {
        Path = path;
        _connection = connection;
    }

    /// <summary>Where the ledger lives: <c>ledger.db</c> in SeatGuard's data directory.</summary>
    public static string DefaultPath(HostContext host) => System.IO.Path.Combine(ClaudePaths.SeatGuardDataDir(host), "ledger.db");

    /// <summary>Opens the ledger at <paramref name="path"/>, creating it (owner-only, WAL) when missing.</summary>
    public static LedgerStore Open(string path)
    {
        var dir = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!;
        try
        {
            PrivateFile.CreateDirectory(dir);
            PrivateFile.Tighten(dir, PrivateFile.DirectoryMode);
            if (!File.Exists(path) && !OperatingSystem.IsWindows())
                using (File.Open(path, new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, UnixCreateMode = PrivateFile.Mode })) { }
            foreach (var file in new[] { path, path + "-wal", path + "-shm" }) PrivateFile.Tighten(file, PrivateFile.Mode);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new LedgerException($"The ledger {path} cannot be created ({e.Message}).", e);
        }
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false, DefaultTimeout = 10 }.ToString());
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 10000;");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, """
                CREATE TABLE IF NOT EXISTS launches (
                  id INTEGER PRIMARY KEY AUTOINCREMENT,
                  time TEXT NOT NULL, command TEXT NOT NULL, cwd TEXT NOT NULL, beneficiary TEXT NOT NULL, owner TEXT NOT NULL,
                  mode TEXT NOT NULL, credential_kind TEXT NOT NULL, credential_source TEXT NOT NULL, credential_fingerprint TEXT,
                  verdict TEXT NOT NULL, exit_code INTEGER, session_id TEXT, cost_usd REAL,
                  input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0,
                  cache_creation_tokens INTEGER NOT NULL DEFAULT 0, cache_read_tokens INTEGER NOT NULL DEFAULT 0,
                  forced INTEGER NOT NULL DEFAULT 0, warning TEXT,
                  rate_limit_type TEXT, rate_limit_status TEXT, utilization REAL, overage_in_use INTEGER);
                CREATE INDEX IF NOT EXISTS launches_time ON launches(time);
                CREATE INDEX IF NOT EXISTS launches_session ON launches(session_id);
                """);
            Migrate(connection);
            foreach (var file in new[] { path + "-wal", path + "-shm" }) PrivateFile.Tighten(file, PrivateFile.Mode);
            return new LedgerStore(path, connection);
        }
        catch (LedgerException)
        {
            connection.Dispose();
            throw;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new LedgerException($"The ledger database {path} cannot be used ({e.Message.Split('\n')[0]}). Move it aside and SeatGuard will start a new one.", e);
        }
    }

    /// <summary>Adds the columns of later schema versions to an older database, keeping its rows.</summary>
    private static void Migrate(SqliteConnection connection)
    {
        using var version = connection.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        long current = (long)(version.ExecuteScalar() ?? 0L);
        if (current > SchemaVersion)
            throw new LedgerException($"The ledger was written by a newer SeatGuard (schema {current}, this one knows {SchemaVersion}). Update SeatGuard, or move the ledger aside.");
        var existing = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var info = connection.CreateCommand())
        {
            info.CommandText = "PRAGMA table_info(launches);";
            using var r = info.ExecuteReader();
            while (r.Read()) existing.Add(r.GetString(1));
        }
        using var tx = connection.BeginTransaction();
        foreach (var (name, type) in AddedColumns.Where(c => !existing.Contains(c.Name)))
        {
            using var alter = connection.CreateCommand();
            alter.Transaction = tx;
            alter.CommandText = $"ALTER TABLE launches ADD COLUMN {name} {type};";
            alter.ExecuteNonQuery();
        }
        if (current < 2) HidePrompts(connection, tx);
        using (var set = connection.CreateCommand())
        {
            set.Transaction = tx;
            set.CommandText = $"PRAGMA user_version = {SchemaVersion};";
            set.ExecuteNonQuery();
        }
        tx.Commit();
    }

    /// <summary>
    /// Schema 1 kept the command line verbatim, prompts included. Its token boundaries are lost, so everything after the
    /// executable becomes a length and a fingerprint (<see cref="ClaudeArguments.Hidden"/>).
    /// </summary>
    private static void HidePrompts(SqliteConnection connection, SqliteTransaction tx)
    {
        var rows = new List<(long Id, string Command)>();
        using (var select = connection.CreateCommand())
        {
            select.Transaction = tx;
            select.CommandText = "SELECT id, command FROM launches;";
            using var r = select.ExecuteReader();
            while (r.Read()) rows.Add((r.GetInt64(0), r.GetString(1)));
        }
        foreach (var (id, command) in rows)
        {
            int space = command.IndexOf(' ');
            if (space < 0 || command == "verify") continue;
            using var update = connection.CreateCommand();
            update.Transaction = tx;
            update.CommandText = "UPDATE launches SET command = $c WHERE id = $id;";
            update.Parameters.AddWithValue("$c", command[..space] + " " + ClaudeArguments.Hidden(command[(space + 1)..]));
            update.Parameters.AddWithValue("$id", id);
            update.ExecuteNonQuery();
        }
    }

    /// <summary>Appends one launch and returns its id.</summary>
    public long Append(LedgerEntry e)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO launches (time, command, cwd, beneficiary, owner, mode, credential_kind, credential_source, credential_fingerprint,
              verdict, exit_code, session_id, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
              forced, warning, rate_limit_type, rate_limit_status, utilization, overage_in_use,
              models, request_ids, rate_limit_events, overage, stopped_by, seatguard_exit, model_decision)
            VALUES ($time, $command, $cwd, $beneficiary, $owner, $mode, $kind, $source, $fp, $verdict, $exit, $session, $cost,
              $in, $out, $cw, $cr, $forced, $warning, $rlt, $rls, $util, $overage_in_use,
              $models, $requests, $events, $overage, $stopped, $sgexit, $decision);
            SELECT last_insert_rowid();
            """;
        cmd.Parameters.AddWithValue("$time", e.Time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        cmd.Parameters.AddWithValue("$command", Redactor.Scrub(e.Command));
        cmd.Parameters.AddWithValue("$cwd", Redactor.Scrub(e.Cwd));
        cmd.Parameters.AddWithValue("$beneficiary", Redactor.Scrub(e.Beneficiary));
        cmd.Parameters.AddWithValue("$owner", e.Owner);
        cmd.Parameters.AddWithValue("$mode", e.Mode);
        cmd.Parameters.AddWithValue("$kind", e.CredentialKind);
        cmd.Parameters.AddWithValue("$source", e.CredentialSource);
        cmd.Parameters.AddWithValue("$fp", (object?)e.CredentialFingerprint ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$verdict", e.Verdict);
        cmd.Parameters.AddWithValue("$exit", (object?)e.ExitCode ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$session", (object?)e.SessionId ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$cost", (object?)e.CostUsd ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$in", e.InputTokens);
        cmd.Parameters.AddWithValue("$out", e.OutputTokens);
        cmd.Parameters.AddWithValue("$cw", e.CacheCreationTokens);
        cmd.Parameters.AddWithValue("$cr", e.CacheReadTokens);
        cmd.Parameters.AddWithValue("$forced", e.Forced ? 1 : 0);
        cmd.Parameters.AddWithValue("$warning", e.Warning is null ? DBNull.Value : Redactor.Scrub(e.Warning));
        cmd.Parameters.AddWithValue("$rlt", (object?)e.RateLimitType ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$rls", (object?)e.RateLimitStatus ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$util", (object?)e.Utilization ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$overage_in_use", e.OverageInUse is null ? DBNull.Value : e.OverageInUse.Value ? 1 : 0);
        cmd.Parameters.AddWithValue("$models", JsonSerializer.Serialize(e.Models.ToList(), LedgerStorageJson.Default.ListString));
        cmd.Parameters.AddWithValue("$requests", JsonSerializer.Serialize(e.RequestIds.ToList(), LedgerStorageJson.Default.ListString));
        cmd.Parameters.AddWithValue("$events", JsonSerializer.Serialize(e.RateLimitEvents.ToList(), LedgerStorageJson.Default.ListRateLimitEvent));
        cmd.Parameters.AddWithValue("$overage", e.Overage ? 1 : 0);
        cmd.Parameters.AddWithValue("$stopped", (object?)e.StoppedBy ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$sgexit", (object?)e.SeatGuardExit ?? DBNull.Value);
        cmd.Parameters.AddWithValue("$decision", (object?)e.ModelDecision ?? DBNull.Value);
        return Wrap(() => (long)cmd.ExecuteScalar()!);
    }

    /// <summary>The launches recorded since a time (all when null); none when no ledger exists yet (reading never creates one).</summary>
    public static IReadOnlyList<LedgerEntry> ReadIfExists(string path, DateTimeOffset? since = null)
    {
        if (!File.Exists(path)) return [];
        using var store = Open(path);
        return store.List(since);
    }

    /// <summary>Writes a ledger row; a ledger problem never stops a launch, it becomes a warning.</summary>
    public static (long? Id, string? Warning) TryAppend(Func<LedgerStore>? open, LedgerEntry entry)
    {
        if (open is null) return (null, null);
        try
        {
            using var ledger = open();
            return (ledger.Append(entry), null);
        }
        catch (LedgerException e)
        {
            return (null, e.Message);
        }
    }

    /// <summary>Launches since a time (all when null), oldest first.</summary>
    public IReadOnlyList<LedgerEntry> List(DateTimeOffset? since = null)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = $"SELECT {Columns} FROM launches WHERE time >= $since ORDER BY time, id";
        cmd.Parameters.AddWithValue("$since", (since ?? DateTimeOffset.MinValue).UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ"));
        return Wrap(() =>
        {
            var list = new List<LedgerEntry>();
            using var r = cmd.ExecuteReader();
            while (r.Read())
            {
                list.Add(new LedgerEntry(r.GetInt64(0), DateTimeOffset.Parse(r.GetString(1), System.Globalization.CultureInfo.InvariantCulture), r.GetString(2), r.GetString(3),
                    r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9), r.GetString(10),
                    r.IsDBNull(11) ? null : r.GetInt32(11), r.IsDBNull(12) ? null : r.GetString(12), r.IsDBNull(13) ? null : r.GetDouble(13),
                    r.GetInt64(14), r.GetInt64(15), r.GetInt64(16), r.GetInt64(17), r.GetInt64(18) != 0, r.IsDBNull(19) ? null : r.GetString(19),
                    r.IsDBNull(20) ? null : r.GetString(20), r.IsDBNull(21) ? null : r.GetString(21), r.IsDBNull(22) ? null : r.GetDouble(22),
                    r.IsDBNull(23) ? null : r.GetInt64(23) != 0)
                {
                    Models = ReadList(r, 24, LedgerStorageJson.Default.ListString),
                    RequestIds = ReadList(r, 25, LedgerStorageJson.Default.ListString),
                    RateLimitEvents = ReadList(r, 26, LedgerStorageJson.Default.ListRateLimitEvent),
                    Overage = !r.IsDBNull(27) && r.GetInt64(27) != 0,
                    StoppedBy = r.IsDBNull(28) ? null : r.GetString(28),
                    SeatGuardExit = r.IsDBNull(29) ? null : r.GetInt32(29),
                    ModelDecision = r.IsDBNull(30) ? null : r.GetString(30),
                });
            }
            return list;
        });
    }

    /// <summary>A JSON list column; a row whose JSON cannot be read keeps its other fields (the list is empty).</summary>
    private static List<T> ReadList<T>(SqliteDataReader r, int column, System.Text.Json.Serialization.Metadata.JsonTypeInfo<List<T>> type)
    {
        if (r.IsDBNull(column)) return [];
        try { return JsonSerializer.Deserialize(r.GetString(column), type) ?? []; }
        catch (JsonException) { return []; }
    }

    private T Wrap<T>(Func<T> action)
    {
        try { return action(); }
        catch (SqliteException e) { throw new LedgerException($"The ledger database {Path} cannot be used ({e.Message.Split('\n')[0]}). Move it aside and SeatGuard will start a new one.", e); }
    }

    private static void Execute(SqliteConnection c, string sql)
    {
        using var cmd = c.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public void Dispose() => _connection.Dispose();
}
