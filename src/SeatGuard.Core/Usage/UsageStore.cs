using Microsoft.Data.Sqlite;
using SeatGuard.Core.Common.Files;

namespace SeatGuard.Core.Usage;

/// <summary>
/// The incremental usage engine, in SeatGuard's data dir: <c>usage-cache.db</c> (SQLite) keeps every transcript file's
/// parsed entries in chunks (compact binary with the duplicate keys), <c>usage-state.bin</c> the files applied and the
/// <see cref="UsageCells"/> of the counted entries, <c>usage-index*.bin</c> the counted entries by message key
/// (<see cref="WinnerIndex"/>), <c>usage-times.bin</c> the cells' entry times. When nothing changed a run reads the
/// state file only; when a transcript grew, only its new bytes are parsed, and each new entry is put through the
/// duplicate rules against the index — replacing a smaller copy, dropping a sidechain replay — and added to (or taken
/// out of) its cell, so only the affected days and blocks change. A file that shrank, was replaced (another inode) or
/// rewritten (its first bytes or the bytes before the old end differ), a deleted file, a damaged state, or a price book
/// with prompt bands the cells were not split by, rebuild the cells from the stored chunks (re-reading only the files
/// that changed). Writers take SQLite's write lock; readers never wait.
/// </summary>
internal sealed class UsageStore : IDisposable
{
    private const int SchemaVersion = 5;
    /// <summary>Bytes hashed at a file's start and before its old end to recognise a rewrite.</summary>
    public const int HashBytes = 4096;

    private readonly string _dir;
    private readonly SqliteConnection _db;

    private UsageStore(string dir, SqliteConnection db)
    {
        _dir = dir;
        _db = db;
    }

    public static string DefaultPath(Common.HostContext host) => Path.Combine(Common.ClaudePaths.SeatGuardDataDir(host), "usage-cache.db");

    /// <summary>The current state when every listed file is applied as it is now (and, for a full listing, no other); else null.</summary>
    /// <remarks><paramref name="read"/> is the state read (current or not), for <see cref="Update"/> to start from.</remarks>
    /// <remarks>With <paramref name="deletedIfWrittenSince"/>, a partial listing must also still hold every stored file written since then.</remarks>
    public static UsageStateFile.State? ReadIfCurrent(string dbPath, IReadOnlyList<TranscriptFile> listing, bool partial, IReadOnlyList<long> thresholds,
        out UsageStateFile.State? read, DateTimeOffset? deletedIfWrittenSince = null)
    {
        var state = read = UsageStateFile.Read(Path.GetDirectoryName(Path.GetFullPath(dbPath))!, withTimes: false, partial ? null : listing);
        if (state is null || !Covers(state.Cells.Thresholds, thresholds)) return null;
        if (!partial && state.Files.Count != listing.Count) return null;
        if (!partial)
        {
            // Both in path order (the listing is, and the state is written so): compared side by side, no index of paths.
            for (int i = 0; i < listing.Count; i++)
            {
                var (f, s) = (listing[i], state.Files[i]);
                if (s.Size != f.Size || s.MtimeTicks != f.LastWriteUtc.Ticks || s.Source != f.Source) return null;
            }
            return state;
        }
        var byPath = new Dictionary<string, StoredFile>(state.Files.Count, StringComparer.Ordinal);
        foreach (var f in state.Files) byPath[f.Source.Path] = f;
        foreach (var f in listing)
        {
            if (!byPath.TryGetValue(f.Source.Path, out var s) || s.Size != f.Size || s.MtimeTicks != f.LastWriteUtc.Ticks || s.Source != f.Source) return null;
        }
        if (partial && deletedIfWrittenSince is { } since)
        {
            int written = 0;
            foreach (var f in state.Files) if (f.MtimeTicks >= since.UtcTicks) written++;
            if (written != listing.Count) return null; // every listed file is stored, so a difference is a stored file not listed
        }
        return state;
    }

    private static bool Covers(long[] have, IReadOnlyList<long> need) => need.All(t => Array.BinarySearch(have, t) >= 0);

    /// <summary>Opens (or creates) the store; a broken database is replaced. Null when no store can be used.</summary>
    public static UsageStore? Open(string dbPath, List<string> warnings)
    {
        var dir = Path.GetDirectoryName(Path.GetFullPath(dbPath))!;
        for (int attempt = 0; attempt < 2; attempt++)
        {
            SqliteConnection? db = null;
            try
            {
                PrivateFile.CreateDirectory(dir);
                db = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = dbPath, Pooling = false }.ToString());
                db.Open();
                // The cache holds project paths, session ids and every request's usage: owner only, like the ledger
                // (SQLite gives its -wal and -shm files the database file's mode).
                foreach (var p in new[] { dbPath, dbPath + "-wal", dbPath + "-shm" }) PrivateFile.Tighten(p, PrivateFile.Mode);
                Exec(db, "PRAGMA busy_timeout=5000; PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;");
                Exec(db, "CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);");
                using (var cmd = db.CreateCommand())
                {
                    cmd.CommandText = "SELECT value FROM meta WHERE key='schema'";
                    if (cmd.ExecuteScalar() as string != SchemaVersion.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    {
                        Exec(db, "DROP TABLE IF EXISTS files; DROP TABLE IF EXISTS chunks; DROP TABLE IF EXISTS snapshot; DROP TABLE IF EXISTS snapshots;");
                        Exec(db, $"INSERT OR REPLACE INTO meta(key,value) VALUES('schema','{SchemaVersion}');");
                        TryDelete(UsageStateFile.StatePath(dir));
                        TryDelete(UsageStateFile.DeltaPath(dir));
                    }
                }
                Exec(db, "CREATE TABLE IF NOT EXISTS chunks(file INTEGER NOT NULL, offset INTEGER NOT NULL, entries BLOB NOT NULL, PRIMARY KEY(file, offset)) WITHOUT ROWID;");
                return new UsageStore(dir, db);
            }
            catch (Exception ex) when (ex is SqliteException or IOException or UnauthorizedAccessException or InvalidDataException)
            {
                db?.Dispose();
                if (attempt == 0)
                {
                    warnings.Add($"usage cache {dbPath} is unreadable ({ex.Message.Split('\n')[0]}); rebuilding it");
                    foreach (var p in new[] { dbPath, dbPath + "-wal", dbPath + "-shm", dbPath + "-journal", UsageStateFile.StatePath(dir), UsageStateFile.DeltaPath(dir) }) TryDelete(p);
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
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private static void Exec(SqliteConnection db, string sql, SqliteTransaction? tx = null)
    {
        using var cmd = db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = sql;
        cmd.ExecuteNonQuery();
    }

    /// <summary>What an update did.</summary>
    internal sealed record Outcome(UsageStateFile.State State, int FilesRead, bool Rebuilt);

    /// <summary>
    /// Brings the store up to date with <paramref name="listing"/> (all transcripts, or with <paramref name="partial"/>
    /// only recently written ones; <paramref name="fullListing"/> lists all when a rebuild needs them) and returns the state.
    /// </summary>
    /// <remarks>
    /// <paramref name="known"/>, a state read before the lock was taken (without entry times), is used when the state
    /// file still holds the same generation — the state is then read once per run, not twice.
    /// </remarks>
    public Outcome Update(IReadOnlyList<TranscriptFile> listing, bool partial, Func<IReadOnlyList<TranscriptFile>> fullListing,
        IReadOnlyList<long> thresholds, int parallelism, List<string> warnings, UsageStateFile.State? known = null, DateTimeOffset? deletedIfWrittenSince = null)
    {
        using var tx = _db.BeginTransaction(deferred: false); // BEGIN IMMEDIATE: the writers' lock
        try
        {
            var outcome = TryIncremental(tx, listing, partial, thresholds, parallelism, warnings, known, deletedIfWrittenSince)
                ?? Rebuild(tx, partial ? fullListing() : listing, thresholds, parallelism, warnings);
            tx.Commit();
            return outcome;
        }
        catch (Exception e) when (e is InvalidDataException or EndOfStreamException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            // A damaged store: rebuild everything from the transcripts.
            tx.Rollback();
            warnings.Add("usage cache was inconsistent (" + e.Message + "); rebuilt it");
            using var again = _db.BeginTransaction(deferred: false);
            Exec(_db, "DELETE FROM chunks", again);
            var outcome = Rebuild(again, partial ? fullListing() : listing, thresholds, parallelism, warnings, trustChunks: false);
            again.Commit();
            return outcome;
        }
    }

    private Outcome? TryIncremental(SqliteTransaction tx, IReadOnlyList<TranscriptFile> listing, bool partial, IReadOnlyList<long> thresholds, int parallelism, List<string> warnings,
        UsageStateFile.State? known, DateTimeOffset? deletedIfWrittenSince)
    {
        var state = known is not null && UsageStateFile.AttachTimes(_dir, known) ? known : UsageStateFile.Read(_dir, withTimes: true);
        if (state is null || !Covers(state.Cells.Thresholds, thresholds)) return null;
        using var index = WinnerIndex.Open(_dir, state.IndexGeneration, state.Generation);
        if (index is null) return null;
        // Both in path order when the listing is full: each listed file is found by walking the stored ones alongside
        // (no index of every path); a partial listing looks them up.
        var byPath = partial ? state.Files.ToDictionary(f => f.Source.Path, StringComparer.Ordinal) : null;
        int walk = 0;
        StoredFile? Stored(TranscriptFile f)
        {
            if (byPath is not null) return byPath.TryGetValue(f.Source.Path, out var found) ? found : null;
            while (walk < state.Files.Count && string.CompareOrdinal(state.Files[walk].Source.Path, f.Source.Path) < 0) walk++; // skipped: not listed
            return walk < state.Files.Count && state.Files[walk].Source.Path == f.Source.Path ? state.Files[walk++] : null;
        }
        if (deletedIfWrittenSince is not null)
        {
            // A file was deleted (of a partial listing: a file that was written since its start and is not listed now).
            var listed = new HashSet<string>(listing.Select(f => f.Source.Path), StringComparer.Ordinal);
            long since = deletedIfWrittenSince?.UtcTicks ?? long.MinValue;
            if (state.Files.Any(f => f.MtimeTicks >= since && !listed.Contains(f.Source.Path))) return null;
        }
        var work = new List<(StoredFile Stored, TranscriptFile File, bool IsNew)>();
        int storedCount = state.Files.Count, matched = 0;
        foreach (var f in listing)
        {
            if (Stored(f) is { } s) matched++;
            else
            {
                var created = new StoredFile { Id = state.NextFileId++, Source = f.Source };
                work.Add((created, f, true));
                continue;
            }
            if (s.Source != f.Source) return null;
            if (s.Size == f.Size && s.MtimeTicks == f.LastWriteUtc.Ticks) continue;
            if (f.Size < s.Size || f.Size == s.Size) return null; // shrank, or changed in place
            work.Add((s, f, false));
        }
        if (!partial && matched != storedCount) return null; // a stored file is no longer listed: deleted
        if (work.Count == 0) return new Outcome(state, 0, false);

        // Read what was appended (in parallel), checking first that each grown file is still the one that was read.
        var scans = new (FileScan? Scan, Identity? Id, bool Rewritten, string? Error)[work.Count];
        Parallel.For(0, work.Count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            var (stored, file, isNew) = work[i];
            try
            {
                var id = Identify(file.Source.Path, isNew ? 0 : stored.Offset);
                if (!isNew && (id.Device != stored.Device || id.Inode != stored.Inode || id.Head != stored.HeadHash || id.Tail != stored.TailHash))
                {
                    scans[i] = (null, id, true, null);
                    return;
                }
                long from = isNew ? 0 : stored.Offset;
                scans[i] = (TranscriptParser.Scan(file.Source.Path, file.Source, from), id, false, null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                scans[i] = (null, null, false, $"{file.Source.Path}: {e.Message}");
            }
        });
        if (scans.Any(s => s.Rewritten)) return null;

        var apply = new DuplicateRules(this, tx, state, index);
        using var insert = ChunkInsert(tx);
        for (int i = 0; i < work.Count; i++)
        {
            var (stored, file, isNew) = work[i];
            var (scan, id, _, error) = scans[i];
            if (error is not null || scan is null || id is null)
            {
                warnings.Add("cannot read " + (error ?? file.Source.Path));
                continue;
            }
            long from = isNew ? 0 : stored.Offset;
            // Chunks of an update that crashed before its state was written start at or after 'from': they go.
            Exec(_db, $"DELETE FROM chunks WHERE file={stored.Id} AND offset>={from}", tx);
            if (scan.Entries.Count > 0)
            {
                insert.Parameters[0].Value = stored.Id;
                insert.Parameters[1].Value = from;
                insert.Parameters[2].Value = EntryCodec.Encode(scan.Entries);
                insert.ExecuteNonQuery();
            }
            if (isNew) state.Files.Add(stored);
            state.ChangedFiles.Add(stored.Id);
            int first = stored.EntryCount;
            stored.EntryCount += scan.Entries.Count;
            stored.Malformed += scan.MalformedLines;
            stored.TailMalformed = scan.TailMalformed;
            stored.Offset = scan.EndOffset;
            stored.Size = file.Size;
            stored.MtimeTicks = file.LastWriteUtc.Ticks;
            (stored.Device, stored.Inode) = (id.Device, id.Inode);
            var ends = Identify(file.Source.Path, scan.EndOffset);
            (stored.HeadHash, stored.TailHash) = (ends.Head, ends.Tail);
            apply.Appended(stored, first, scan.Entries);
        }
        if (work.Any(w => w.IsNew)) state.Files.Sort((a, b) => string.CompareOrdinal(a.Source.Path, b.Source.Path)); // else still in order
        state.Generation++;
        state.IndexGeneration = index.Save(state.Generation);
        UsageStateFile.Write(_dir, state);
        return new Outcome(state, work.Count, false);
    }

    private SqliteCommand ChunkInsert(SqliteTransaction tx)
    {
        var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "INSERT OR REPLACE INTO chunks(file,offset,entries) VALUES($f,$o,$e)";
        cmd.Parameters.Add("$f", SqliteType.Integer);
        cmd.Parameters.Add("$o", SqliteType.Integer);
        cmd.Parameters.Add("$e", SqliteType.Blob);
        return cmd;
    }

    /// <summary>A file's stored entries (its chunks in order), or null when they do not add up to the file's recorded entry count.</summary>
    internal List<UsageEntry>? LoadEntries(SqliteTransaction? tx, StoredFile file)
    {
        using var cmd = _db.CreateCommand();
        cmd.Transaction = tx;
        cmd.CommandText = "SELECT offset, entries FROM chunks WHERE file=$f AND offset < $end ORDER BY offset";
        cmd.Parameters.AddWithValue("$f", file.Id);
        cmd.Parameters.AddWithValue("$end", Math.Max(1, file.Offset));
        using var r = cmd.ExecuteReader();
        var all = new List<UsageEntry>(file.EntryCount);
        while (r.Read()) all.AddRange(EntryCodec.Decode((byte[])r.GetValue(1), file.Source));
        return all.Count == file.EntryCount ? all : null;
    }

    private Outcome Rebuild(SqliteTransaction tx, IReadOnlyList<TranscriptFile> listing, IReadOnlyList<long> thresholds, int parallelism, List<string> warnings, bool trustChunks = true)
    {
        var old = trustChunks ? UsageStateFile.Read(_dir, withTimes: false) : null;
        var byPath = old?.Files.ToDictionary(f => f.Source.Path, StringComparer.Ordinal) ?? [];
        int nextId = old?.NextFileId ?? 1;
        var files = new StoredFile[listing.Count];
        var entries = new List<UsageEntry>?[listing.Count];
        var reread = new List<int>();
        for (int i = 0; i < listing.Count; i++)
        {
            var f = listing[i];
            if (byPath.Remove(f.Source.Path, out var s) && s.Source == f.Source)
            {
                files[i] = s;
                bool same = s.Size == f.Size && s.MtimeTicks == f.LastWriteUtc.Ticks;
                bool grown = f.Size > s.Size && SameStart(f.Source.Path, s);
                if ((same || grown) && LoadEntries(tx, s) is { } stored)
                {
                    entries[i] = stored;
                    if (grown) reread.Add(i); // the rest is appended below
                    continue;
                }
                files[i] = new StoredFile { Id = s.Id, Source = f.Source };
            }
            else
            {
                files[i] = new StoredFile { Id = nextId++, Source = f.Source };
            }
            reread.Add(i);
        }
        // Files no longer there, and files read again from the start, lose their chunks.
        foreach (var gone in byPath.Values) Exec(_db, $"DELETE FROM chunks WHERE file={gone.Id}", tx);
        foreach (var i in reread.Where(i => entries[i] is null)) Exec(_db, $"DELETE FROM chunks WHERE file={files[i].Id}", tx);

        var scans = new (FileScan? Scan, Identity? Id, string? Error)[listing.Count];
        var ordered = reread.OrderByDescending(i => listing[i].Size - (entries[i] is null ? 0 : files[i].Offset)).ToArray();
        var partitioner = System.Collections.Concurrent.Partitioner.Create(ordered, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            long from = entries[i] is null ? 0 : files[i].Offset;
            try
            {
                var scan = TranscriptParser.Scan(listing[i].Source.Path, listing[i].Source, from);
                scans[i] = (scan, Identify(listing[i].Source.Path, scan.EndOffset), null);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                scans[i] = (null, null, $"{listing[i].Source.Path}: {e.Message}");
            }
        });
        using (var insert = ChunkInsert(tx))
        {
            foreach (var i in reread)
            {
                var (scan, id, error) = scans[i];
                var s = files[i];
                if (scan is null || id is null)
                {
                    warnings.Add("cannot read " + error);
                    if (entries[i] is null) { entries[i] = []; s.Offset = 0; s.EntryCount = 0; s.Malformed = 0; s.Size = -1; }
                    continue;
                }
                long from = entries[i] is null ? 0 : s.Offset;
                if (scan.Entries.Count > 0)
                {
                    insert.Parameters[0].Value = s.Id;
                    insert.Parameters[1].Value = from;
                    insert.Parameters[2].Value = EntryCodec.Encode(scan.Entries);
                    insert.ExecuteNonQuery();
                }
                var all = entries[i] ?? [];
                all.AddRange(scan.Entries);
                entries[i] = all;
                s.EntryCount = all.Count;
                s.Malformed = (from == 0 ? 0 : s.Malformed) + scan.MalformedLines;
                s.TailMalformed = scan.TailMalformed;
                s.Offset = scan.EndOffset;
                s.Size = listing[i].Size;
                s.MtimeTicks = listing[i].LastWriteUtc.Ticks;
                (s.Device, s.Inode, s.HeadHash, s.TailHash) = (id.Device, id.Inode, id.Head, id.Tail);
            }
        }

        // The duplicate rules over everything, then the cells and the index of what is counted.
        var perFile = entries.Select(e => (IReadOnlyList<UsageEntry>)(e ?? [])).ToList();
        var kept = UsageDeduper.Kept(perFile);
        var cells = new UsageCells(thresholds, trackTimes: true);
        var records = new List<WinnerRecord>(kept.Length);
        foreach (var at in kept)
        {
            int f = (int)(at >> 32), idx = (int)(uint)at;
            var e = perFile[f][idx];
            cells.Add(e);
            if (e.HasMessageId) records.Add(new WinnerRecord(e.MessageKey, e.DedupKey, files[f].Id, idx, e.IsSidechain));
        }
        var state = new UsageStateFile.State
        {
            Generation = (old?.Generation ?? (ulong)Random.Shared.NextInt64(1, long.MaxValue)) + 1, Cells = cells,
            Files = [.. files], NextFileId = nextId,
        };
        state.IndexGeneration = state.Generation;
        WinnerIndex.WriteFresh(_dir, records, state.Generation);
        UsageStateFile.Write(_dir, state);
        return new Outcome(state, reread.Count, true);
    }

    private static bool SameStart(string path, StoredFile s)
    {
        try
        {
            var id = Identify(path, s.Offset);
            return id.Device == s.Device && id.Inode == s.Inode && id.Head == s.HeadHash && id.Tail == s.TailHash;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    internal sealed record Identity(ulong Device, ulong Inode, ulong Head, ulong Tail);

    /// <summary>The file's device and inode, and hashes of its first bytes and of the bytes before <paramref name="offset"/>.</summary>
    internal static Identity Identify(string path, long offset)
    {
        using var handle = SafeFile.OpenRegular(path) ?? throw new FileNotFoundException("transcript vanished", path);
        var (device, inode) = SafeFile.Identity(handle) ?? (0, 0);
        Span<byte> buffer = stackalloc byte[HashBytes];
        int head = ReadAt(handle, buffer[..(int)Math.Min(HashBytes, offset)], 0);
        ulong headHash = StableHash.Of(buffer[..head]);
        long tailStart = Math.Max(0, offset - HashBytes);
        int tail = ReadAt(handle, buffer[..(int)(offset - tailStart)], tailStart);
        return new Identity(device, inode, headHash, StableHash.Of(buffer[..tail]));
    }

    private static int ReadAt(Microsoft.Win32.SafeHandles.SafeFileHandle handle, Span<byte> into, long offset)
    {
        int total = 0;
        while (total < into.Length)
        {
            int n = RandomAccess.Read(handle, into[total..], offset + total);
            if (n <= 0) break;
            total += n;
        }
        return total;
    }

    /// <summary>Every counted entry, sorted by time (the slow path: decodes every stored chunk).</summary>
    public IReadOnlyList<UsageEntry> AllEntries(UsageStateFile.State state, IReadOnlySet<string>? paths = null)
    {
        var perFile = new List<IReadOnlyList<UsageEntry>>();
        foreach (var f in state.Files)
        {
            if (paths is not null && !paths.Contains(f.Source.Path)) continue;
            perFile.Add(LoadEntries(null, f) ?? []);
        }
        return UsageDeduper.Deduplicate(perFile);
    }

    public void Dispose() => _db.Dispose();

    /// <summary>The duplicate rules applied to appended entries, against the index (see the type's summary).</summary>
    private sealed class DuplicateRules(UsageStore store, SqliteTransaction tx, UsageStateFile.State state, WinnerIndex index)
    {
        private readonly Dictionary<int, List<UsageEntry>> _loaded = [];
        private readonly Dictionary<int, StoredFile> _files = state.Files.ToDictionary(f => f.Id);

        public void Appended(StoredFile file, int firstIndex, List<UsageEntry> entries)
        {
            _files[file.Id] = file;
            if (_loaded.TryGetValue(file.Id, out var cached)) cached.AddRange(entries);
            for (int i = 0; i < entries.Count; i++) Apply(entries[i], file, firstIndex + i);
        }

        private UsageEntry EntryOf(WinnerRecord r)
        {
            if (!_loaded.TryGetValue(r.FileId, out var list))
            {
                if (!_files.TryGetValue(r.FileId, out var f)) throw new InvalidDataException("index names an unknown file");
                list = store.LoadEntries(tx, f) ?? throw new InvalidDataException("stored entries of " + f.Source.Path + " are incomplete");
                _loaded[r.FileId] = list;
            }
            if ((uint)r.Index >= (uint)list.Count) throw new InvalidDataException("index points past a file's entries");
            var e = list[r.Index];
            if (e.DedupKey != r.DedupKey) throw new InvalidDataException("index does not match the stored entries");
            return e;
        }

        private bool Earlier(StoredFile a, int ia, int fileB, int ib)
        {
            if (a.Id == fileB) return ia < ib;
            return string.CompareOrdinal(a.Source.Path, _files[fileB].Source.Path) < 0;
        }

        private void Apply(UsageEntry e, StoredFile file, int idx)
        {
            if (!e.HasMessageId) { state.Cells.Add(e); return; }
            var records = index.Lookup(e.MessageKey);
            bool changed = false;
            if (e.IsSidechain)
            {
                if (records.Any(r => !r.Sidechain)) return; // a replay of a main-conversation message
            }
            else
            {
                // The main conversation's copy makes every sidechain copy of the message a replay.
                for (int k = records.Count - 1; k >= 0; k--)
                {
                    if (!records[k].Sidechain) continue;
                    state.Cells.Remove(EntryOf(records[k]));
                    records.RemoveAt(k);
                    changed = true;
                }
            }
            int same = records.FindIndex(r => r.DedupKey == e.DedupKey);
            var mine = new WinnerRecord(e.MessageKey, e.DedupKey, file.Id, idx, e.IsSidechain);
            if (same < 0)
            {
                state.Cells.Add(e);
                records.Add(mine);
                changed = true;
            }
            else
            {
                var current = EntryOf(records[same]);
                bool better = UsageDeduper.Better(e, current)
                    || !UsageDeduper.Better(current, e) && current.HasSpeed == e.HasSpeed && Earlier(file, idx, records[same].FileId, records[same].Index);
                if (better)
                {
                    state.Cells.Remove(current);
                    state.Cells.Add(e);
                    records[same] = mine;
                    changed = true;
                }
            }
            if (changed) index.Set(e.MessageKey, records);
        }
    }
}
