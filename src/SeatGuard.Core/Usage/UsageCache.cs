using Microsoft.Data.Sqlite;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Incremental cache in SQLite (<c>usage-cache.db</c> in SeatGuard's data dir): per file its size, mtime, the offset
/// after its last complete line, malformed count and parsed entries (compact binary, including the dedup keys), so an
/// unchanged file is not read and an appended one is read from where it ended. A broken cache file is deleted and
/// rebuilt; if even that fails the loader runs without a cache. The whole deduplicated result is also kept in
/// <see cref="UsageSnapshot"/> files, so an unchanged set of transcripts does not even open the database.
/// </summary>
internal sealed class UsageCache : IDisposable
{
    private const int SchemaVersion = 4;
    private readonly SqliteConnection _connection;
    private readonly Dictionary<string, CachedFile> _index = new(StringComparer.Ordinal);
    private bool _indexLoaded;
    private SqliteCommand? _select;

    private UsageCache(SqliteConnection connection) => _connection = connection;

    public static string DefaultPath(Common.HostContext host) => Path.Combine(Common.ClaudePaths.SeatGuardDataDir(host), "usage-cache.db");

    /// <summary>Opens (or creates) the cache; a broken file is replaced. Null when no cache can be used.</summary>
    public static UsageCache? Open(string path, List<string> warnings)
    {
        for (int attempt = 0; attempt < 2; attempt++)
        {
            try
            {
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var cache = new UsageCache(new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString()));
                try
                {
                    cache.Init();
                    return cache;
                }
                catch
                {
                    cache.Dispose();
                    throw;
                }
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                if (attempt == 0)
                {
                    warnings.Add($"usage cache {path} is unreadable ({ex.Message.Split('\n')[0]}); rebuilding it");
                    TryDelete(path);
                }
                else
                {
                    warnings.Add($"usage cache unavailable ({ex.Message.Split('\n')[0]}); reading every transcript");
                }
            }
        }
        return null;
    }

    private static void TryDelete(string path)
    {
        foreach (var p in new[] { path, path + "-wal", path + "-shm", path + "-journal" })
        {
            try { File.Delete(p); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private void Init()
    {
        _connection.Open();
        Exec("PRAGMA busy_timeout=3000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
        Exec("CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);");
        using (var cmd = _connection.CreateCommand())
        {
            cmd.CommandText = "SELECT value FROM meta WHERE key='schema'";
            var v = cmd.ExecuteScalar() as string;
            if (v != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
            {
                Exec("DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS snapshot; DROP TABLE IF EXISTS snapshots;");
                Exec($"INSERT OR REPLACE INTO meta(key,value) VALUES('schema','{SchemaVersion}');");
            }
        }
        Exec("CREATE TABLE IF NOT EXISTS files(path TEXT PRIMARY KEY, size INTEGER NOT NULL, mtime INTEGER NOT NULL, " +
             "offset INTEGER NOT NULL, malformed INTEGER NOT NULL, tail INTEGER NOT NULL, entries BLOB NOT NULL);");
    }

    private void LoadIndex()
    {
        if (_indexLoaded) return;
        _indexLoaded = true;
        using var list = _connection.CreateCommand();
        list.CommandText = "SELECT path,size,mtime,offset,malformed,tail FROM files";
        using var r = list.ExecuteReader();
        while (r.Read())
        {
            _index[r.GetString(0)] = new CachedFile(r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt32(4), r.GetInt64(5) != 0);
        }
    }

    private void Exec(string sql)
    {
        using var cmd = _connection.CreateCommand();
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    public CachedFile? Get(string path)
    {
        try
        {
            LoadIndex();
        }
        catch (SqliteException)
        {
            return null;
        }
        return _index.GetValueOrDefault(path);
    }

    /// <summary>The cached entries of a file; null when the row is missing or unreadable.</summary>
    public List<UsageEntry>? LoadEntries(TranscriptSource source)
    {
        try
        {
            if (_select is null)
            {
                _select = _connection.CreateCommand();
                _select.CommandText = "SELECT entries FROM files WHERE path=$p";
                _select.Parameters.Add("$p", SqliteType.Text);
                _select.Prepare();
            }
            _select.Parameters[0].Value = source.Path;
            using var r = _select.ExecuteReader();
            if (!r.Read()) return null;
            var bytes = (byte[])r.GetValue(0);
            return EntryCodec.Decode(bytes, source);
        }
        catch (Exception ex) when (ex is SqliteException or InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }

    /// <summary>Stores the new state of several files in one transaction. Failures only cost speed next time.</summary>
    public void Store(IEnumerable<(TranscriptFile File, FileScan Scan, List<UsageEntry> AllEntries, int Malformed)> updates, List<string> warnings)
    {
        try
        {
            using var tx = _connection.BeginTransaction();
            using var cmd = _connection.CreateCommand();
            cmd.Transaction = tx;
            cmd.CommandText = "INSERT OR REPLACE INTO files(path,size,mtime,offset,malformed,tail,entries) VALUES($p,$s,$m,$o,$x,$t,$e)";
            var p = cmd.Parameters.Add("$p", SqliteType.Text);
            var s = cmd.Parameters.Add("$s", SqliteType.Integer);
            var m = cmd.Parameters.Add("$m", SqliteType.Integer);
            var o = cmd.Parameters.Add("$o", SqliteType.Integer);
            var x = cmd.Parameters.Add("$x", SqliteType.Integer);
            var t = cmd.Parameters.Add("$t", SqliteType.Integer);
            var e = cmd.Parameters.Add("$e", SqliteType.Blob);
            foreach (var (file, scan, all, malformed) in updates)
            {
                p.Value = file.Source.Path;
                s.Value = file.Size;
                m.Value = file.LastWriteUtc.Ticks;
                o.Value = scan.EndOffset;
                x.Value = malformed;
                t.Value = scan.TailMalformed ? 1 : 0;
                e.Value = EntryCodec.Encode(all);
                cmd.ExecuteNonQuery();
            }
            tx.Commit();
        }
        catch (SqliteException ex)
        {
            warnings.Add("usage cache not updated: " + ex.Message.Split('\n')[0]);
        }
    }

    public void Dispose()
    {
        _select?.Dispose();
        _connection.Dispose();
    }
}
