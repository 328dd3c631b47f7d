using Microsoft.Data.Sqlite;
using SeatGuard.Core.Common;

namespace SeatGuard.Core.Ledger;

/// <summary>
/// The local ledger: an embedded SQLite database under SeatGuard's data directory, one row per launch.
/// Safe under concurrent launches (WAL journal, busy timeout).
/// </summary>
public sealed class LedgerStore : IDisposable
{
    private const int SchemaVersion = 1;
    private readonly SqliteConnection _connection;
    /// <summary>The database file.</summary>
    public string Path { get; }

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
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path))!);
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
            Execute(connection, $"PRAGMA user_version = {SchemaVersion};");
            return new LedgerStore(path, connection);
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new LedgerException($"The ledger database {path} cannot be used ({e.Message.Split('\n')[0]}). Move it aside and SeatGuard will start a new one.", e);
        }
    }

    /// <summary>Appends one launch and returns its id.</summary>
    public long Append(LedgerEntry e)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = """
            INSERT INTO launches (time, command, cwd, beneficiary, owner, mode, credential_kind, credential_source, credential_fingerprint,
              verdict, exit_code, session_id, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens,
              forced, warning, rate_limit_type, rate_limit_status, utilization, overage_in_use)
            VALUES ($time, $command, $cwd, $beneficiary, $owner, $mode, $kind, $source, $fp, $verdict, $exit, $session, $cost,
              $in, $out, $cw, $cr, $forced, $warning, $rlt, $rls, $util, $overage);
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
        cmd.Parameters.AddWithValue("$overage", e.OverageInUse is null ? DBNull.Value : e.OverageInUse.Value ? 1 : 0);
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
        cmd.CommandText = "SELECT id, time, command, cwd, beneficiary, owner, mode, credential_kind, credential_source, credential_fingerprint, verdict, exit_code, session_id, cost_usd, input_tokens, output_tokens, cache_creation_tokens, cache_read_tokens, forced, warning, rate_limit_type, rate_limit_status, utilization, overage_in_use FROM launches WHERE time >= $since ORDER BY time, id";
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
                    r.IsDBNull(23) ? null : r.GetInt64(23) != 0));
            }
            return list;
        });
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
