using SeatGuard.Core.Common;

namespace SeatGuard.Core.Usage;

/// <summary>Loads transcripts: finds files, reuses the cache, parses the rest in parallel, applies the duplicate rules.</summary>
public static class UsageLoader
{
    /// <summary>Lists, reads (through the cache) and deduplicates the host's transcripts.</summary>
    public static UsageDataset Load(HostContext host, UsageLoadOptions? options = null)
    {
        options ??= new UsageLoadOptions();
        var roots = options.Roots ?? ClaudePaths.TranscriptRoots(host, options.ConfigDir);
        var found = TranscriptFiles.Find(roots, options.Project);
        var files = options.ModifiedSince is { } since
            ? found.Where(f => f.LastWriteUtc >= since.UtcDateTime).ToList()
            : found.ToList();
        var warnings = new List<string>();
        var cachePath = options.CachePath ?? UsageCache.DefaultPath(host);
        ulong signature = Signature(files, options);
        if (options.UseCache && UsageSnapshot.TryLoad(cachePath, signature) is { } snapshot)
        {
            return new UsageDataset
            {
                Entries = snapshot.Entries, MalformedLines = snapshot.Malformed, FilesFound = found.Count, FilesRead = 0,
                FilesFromCache = files.Count, FilesSkipped = found.Count - files.Count, Warnings = warnings,
            };
        }
        using var cache = options.UseCache ? UsageCache.Open(cachePath, warnings) : null;

        // Phase 1 (sequential, SQLite): what each file needs.
        var plans = new FilePlan[files.Count];
        int fromCache = 0;
        for (int i = 0; i < files.Count; i++)
        {
            var f = files[i];
            var cached = cache?.Get(f.Source.Path);
            List<UsageEntry>? previous = null;
            if (cached is not null && cached.Size <= f.Size && cached.Offset <= f.Size) previous = cache!.LoadEntries(f.Source);
            if (previous is not null && cached!.Size == f.Size && cached.MtimeTicks == f.LastWriteUtc.Ticks)
            {
                plans[i] = new FilePlan(previous, cached.Malformed, null);
                fromCache++;
            }
            else if (previous is not null && cached!.Size < f.Size)
            {
                plans[i] = new FilePlan(previous, cached.Malformed - (cached.TailMalformed ? 1 : 0), cached.Offset);
            }
            else
            {
                plans[i] = new FilePlan(null, 0, 0);
            }
        }

        // Phase 2 (parallel): read what changed.
        var scans = new FileScan?[files.Count];
        var errors = new string?[files.Count];
        // Largest first, one file at a time per core: a big file started last would leave the other cores idle.
        var work = Enumerable.Range(0, files.Count).Where(i => plans[i].ReadFrom is not null)
            .OrderByDescending(i => files[i].Size - plans[i].ReadFrom!.Value).ToArray();
        var partitioner = System.Collections.Concurrent.Partitioner.Create(work, System.Collections.Concurrent.EnumerablePartitionerOptions.NoBuffering);
        Parallel.ForEach(partitioner, new ParallelOptions { MaxDegreeOfParallelism = options.Parallelism ?? Environment.ProcessorCount }, i =>
        {
            long offset = plans[i].ReadFrom!.Value;
            try
            {
                scans[i] = TranscriptParser.Scan(files[i].Source.Path, files[i].Source, offset);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                errors[i] = $"{files[i].Source.Path}: {ex.Message}";
            }
        });

        // Phase 3: merge in file order, update the cache, deduplicate.
        int total = 0;
        int malformed = 0;
        var updates = new List<(TranscriptFile, FileScan, List<UsageEntry>, int)>();
        var perFile = new List<UsageEntry>[files.Count];
        for (int i = 0; i < files.Count; i++)
        {
            var plan = plans[i];
            if (errors[i] is { } error) { warnings.Add("cannot read " + error); perFile[i] = []; continue; }
            if (scans[i] is { } scan)
            {
                var all = plan.Previous is null ? scan.Entries : [.. plan.Previous, .. scan.Entries];
                int bad = plan.PreviousMalformed + scan.MalformedLines + (scan.TailMalformed ? 1 : 0);
                perFile[i] = all;
                malformed += bad;
                updates.Add((files[i], scan, all, bad));
            }
            else
            {
                perFile[i] = plan.Previous!;
                malformed += plan.PreviousMalformed;
            }
            total += perFile[i].Count;
        }
        if (cache is not null && updates.Count > 0) cache.Store(updates, warnings);

        var entries = UsageDeduper.Deduplicate(perFile);
        if (cache is not null && errors.All(e => e is null)) UsageSnapshot.Store(cachePath, signature, entries, malformed, warnings);
        return new UsageDataset
        {
            Entries = entries,
            MalformedLines = malformed,
            FilesFound = found.Count,
            FilesRead = files.Count - fromCache,
            FilesFromCache = fromCache,
            FilesSkipped = found.Count - files.Count,
            Warnings = warnings,
        };
    }

    /// <summary>Identity of a load: every file's path, size and mtime, and the options that select entries.</summary>
    /// <summary>
    /// The signature of the transcripts a load would read (paths, sizes, modification times): equal signatures mean
    /// equal input. Lists the files without reading them.
    /// </summary>
    public static ulong InputSignature(HostContext host, UsageLoadOptions options)
    {
        var found = TranscriptFiles.Find(options.Roots ?? ClaudePaths.TranscriptRoots(host, options.ConfigDir), options.Project);
        var files = options.ModifiedSince is { } since ? found.Where(f => f.LastWriteUtc >= since.UtcDateTime).ToList() : found.ToList();
        return Signature(files, options);
    }

    private static ulong Signature(List<TranscriptFile> files, UsageLoadOptions options)
    {
        var sb = new System.Text.StringBuilder(files.Count * 120);
        sb.Append(options.Project).Append('\n');
        foreach (var f in files) sb.Append(f.Source.Path).Append('\t').Append(f.Size).Append('\t').Append(f.LastWriteUtc.Ticks).Append('\n');
        return StableHash.Of(sb.ToString());
    }

    private readonly record struct FilePlan(List<UsageEntry>? Previous, int PreviousMalformed, long? ReadFrom);
}
