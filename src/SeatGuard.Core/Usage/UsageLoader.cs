using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>
/// Loads transcripts: finds the files, then either reads them all in parallel and applies the duplicate rules (a cold
/// run, <see cref="UsageLoadOptions.UseCache"/> false), or brings the incremental <see cref="UsageStore"/> up to date
/// — nothing read when nothing changed, only the appended bytes when a transcript grew — and returns its cells.
/// </summary>
public static class UsageLoader
{
    /// <summary>Lists, reads (through the cache) and deduplicates the host's transcripts.</summary>
    public static UsageDataset Load(HostContext host, UsageLoadOptions? options = null)
    {
        options ??= new UsageLoadOptions();
        var roots = (options.Roots ?? ClaudePaths.TranscriptRoots(host, options.ConfigDir)).ToList();
        var found = options.Listing ?? List(host, options, roots, options.ModifiedSince?.UtcDateTime);
        var files = options.ModifiedSince is { } since ? found.Where(f => f.LastWriteUtc >= since.UtcDateTime).ToList() : found.ToList();
        int parallelism = options.Parallelism ?? Environment.ProcessorCount;
        var thresholds = UsageCells.ThresholdsFor(options.Pricing);
        if (!options.UseCache) return LoadCold(found, files, parallelism, thresholds);

        var warnings = new List<string>();
        var dbPath = StorePath(options.CachePath ?? UsageStore.DefaultPath(host), roots);
        if (options.StoreScope is { } scope) dbPath = ScopedStorePath(dbPath, scope);
        bool partial = options.ModifiedSince is not null || options.Project is not null;
        int read = 0;
        var deletedIfWrittenSince = options.StoreScope is not null ? options.ModifiedSince : null;
        var state = UsageStore.ReadIfCurrent(dbPath, files, partial, thresholds, out var known, deletedIfWrittenSince);
        if (state is null)
        {
            if (known is null && options.StoreScope is { } newScope) RemoveOlderScopes(dbPath, newScope);
            using var store = UsageStore.Open(dbPath, warnings);
            if (store is null) return LoadCold(found, files, parallelism, thresholds, warnings);
            // A scoped store is rebuilt from its own files only; a partial load of the whole store from every file.
            Func<IReadOnlyList<TranscriptFile>> rebuildFrom = options.StoreScope is not null ? () => files : () => TranscriptFiles.Find(roots);
            var outcome = store.Update(files, partial, rebuildFrom, thresholds, parallelism, warnings, known, deletedIfWrittenSince);
            state = outcome.State;
            read = outcome.FilesRead;
        }
        // A full load's state holds exactly the listed files; a partial one's, more.
        var listed = partial ? new HashSet<string>(files.Select(f => f.Source.Path), StringComparer.Ordinal) : null;
        int malformed = 0;
        foreach (var f in state.Files)
        {
            if (listed is null || listed.Contains(f.Source.Path)) malformed += f.Malformed + (f.TailMalformed ? 1 : 0);
        }
        var finalState = state;
        return new UsageDataset
        {
            Cells = state.Cells,
            Project = options.Project,
            EntryLoader = () =>
            {
                var none = new List<string>();
                using var store = UsageStore.Open(dbPath, none);
                return store is null ? [] : store.AllEntries(finalState, partial ? listed : null);
            },
            MalformedLines = malformed,
            FilesFound = found.Count,
            FilesRead = read,
            FilesFromCache = files.Count - read,
            FilesSkipped = found.Count - files.Count,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The transcripts under <paramref name="roots"/>: with the store, through the listing memo beside it (a session
    /// directory unchanged since the last run is not read again, <see cref="ListingMemo"/>); a cold run reads every one.
    /// </summary>
    private static IReadOnlyList<TranscriptFile> List(HostContext host, UsageLoadOptions options, IReadOnlyList<string> roots, DateTime? writtenSince)
    {
        if (!options.UseCache) return TranscriptFiles.Find(roots, options.Project, writtenSince);
        var dbPath = StorePath(options.CachePath ?? UsageStore.DefaultPath(host), roots);
        var memo = ListingMemo.Load(Path.Combine(Path.GetDirectoryName(dbPath)!, "listing.memo"));
        var files = TranscriptFiles.Find(roots, options.Project, writtenSince, memo);
        memo.SaveIfChanged();
        return files;
    }

    /// <summary>The store for a set of transcript roots: each set has its own, so switching config dirs does not rebuild.</summary>
    private static string StorePath(string cachePath, IReadOnlyList<string> roots)
    {
        var key = StableHash.Of(string.Join("\n", roots.Select(r => Path.GetFullPath(r))));
        return Path.Combine(Path.GetDirectoryName(Path.GetFullPath(cachePath))!, "usage", key.ToString("x16"), Path.GetFileName(cachePath));
    }

    private static string ScopedStorePath(string dbPath, string scope)
    {
        if (scope.Length == 0 || scope.IndexOf('-') <= 0 || scope.AsSpan().ContainsAnyExcept(ScopeChars))
            throw new ArgumentException("a store scope is <kind>-<tag> of letters, digits and '-'", nameof(scope));
        return Path.Combine(Path.GetDirectoryName(dbPath)!, scope, Path.GetFileName(dbPath));
    }

    private static readonly System.Buffers.SearchValues<char> ScopeChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-");

    /// <summary>Removes the stores of <paramref name="scope"/>'s kind with other tags (a day's status-line store when the next day's starts).</summary>
    private static void RemoveOlderScopes(string dbPath, string scope)
    {
        var parent = Path.GetDirectoryName(Path.GetDirectoryName(dbPath)!)!;
        var kind = scope[..(scope.IndexOf('-') + 1)];
        try
        {
            foreach (var dir in Directory.EnumerateDirectories(parent, kind + "*"))
            {
                var name = Path.GetFileName(dir);
                if (name == scope || (File.GetAttributes(dir) & FileAttributes.ReparsePoint) != 0) continue;
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    private static UsageDataset LoadCold(IReadOnlyList<TranscriptFile> found, List<TranscriptFile> files, int parallelism, IReadOnlyList<long> thresholds,
        List<string>? warnings = null)
    {
        warnings ??= [];
        var scans = new FileScan?[files.Count];
        var errors = new string?[files.Count];
        // Largest first, one file at a time per core: a big file started last would leave the other cores idle.
        var work = Enumerable.Range(0, files.Count).OrderByDescending(i => files[i].Size).ToArray();
        var partitioner = System.Collections.Concurrent.Partitioner.Create(work, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, i =>
        {
            try
            {
                scans[i] = TranscriptParser.Scan(files[i].Source.Path, files[i].Source);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors[i] = $"{files[i].Source.Path}: {ex.Message}";
            }
        });
        int malformed = 0;
        var perFile = new List<UsageEntry>[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            if (errors[i] is { } error) { warnings.Add("cannot read " + error); perFile[i] = []; continue; }
            var scan = scans[i]!;
            perFile[i] = scan.Entries;
            malformed += scan.MalformedLines + (scan.TailMalformed ? 1 : 0);
        }
        // The reports need only the cells: the entries sorted by time are made when asked for (a session's list).
        var byFile = (IReadOnlyList<IReadOnlyList<UsageEntry>>)perFile;
        return new UsageDataset
        {
            Cells = UsageCells.FromKept(byFile, UsageDeduper.Kept(byFile), thresholds),
            EntryLoader = () => UsageDeduper.Deduplicate(byFile),
            MalformedLines = malformed,
            FilesFound = found.Count,
            FilesRead = files.Count,
            FilesFromCache = 0,
            FilesSkipped = found.Count - files.Count,
            Warnings = warnings,
        };
    }

    /// <summary>
    /// These options with the transcripts listed now, so that computing <see cref="InputSignature"/> and then loading
    /// list the directories once, not twice.
    /// </summary>
    public static UsageLoadOptions WithListing(HostContext host, UsageLoadOptions options) => options.Listing is not null ? options : options with
    {
        Listing = List(host, options, (options.Roots ?? ClaudePaths.TranscriptRoots(host, options.ConfigDir)).ToList(), null),
    };

    /// <summary>
    /// The signature of the transcripts a load would read (paths, sizes, modification times): equal signatures mean
    /// equal input. Lists the files without reading them.
    /// </summary>
    public static ulong InputSignature(HostContext host, UsageLoadOptions options)
    {
        var found = options.Listing ?? List(host, options, (options.Roots ?? ClaudePaths.TranscriptRoots(host, options.ConfigDir)).ToList(), null);
        var files = options.ModifiedSince is { } since ? found.Where(f => f.LastWriteUtc >= since.UtcDateTime).ToList() : found.ToList();
        // XxHash3 over each path's characters, size and time (no text of the whole listing is built).
        var hash = new System.IO.Hashing.XxHash3();
        hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes((options.Project ?? "\0").AsSpan()));
        Span<long> numbers = stackalloc long[3];
        foreach (var f in files)
        {
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(f.Source.Path.AsSpan()));
            (numbers[0], numbers[1], numbers[2]) = (f.Source.Path.Length, f.Size, f.LastWriteUtc.Ticks);
            hash.Append(System.Runtime.InteropServices.MemoryMarshal.AsBytes(numbers));
        }
        return hash.GetCurrentHashAsUInt64();
    }
}
