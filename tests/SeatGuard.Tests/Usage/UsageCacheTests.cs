using System.Text.Json;
using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

/// <summary>The incremental store (<see cref="UsageStore"/>): what it reads again, what it detects, and that it always equals a cold run.</summary>
public sealed class UsageCacheTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    private static long Tokens(UsageDataset d) => d.Entries.Sum(e => e.TotalTokens);

    /// <summary>Every report of a dataset as JSON: the store and a cold run must give the same bytes.</summary>
    private static string Reports(UsageDataset d, CostMode mode = CostMode.Anthropic)
    {
        var b = new UsageReportBuilder(d, new UsageQuery { Now = new DateTimeOffset(2025, 11, 21, 12, 0, 0, TimeSpan.Zero), CostMode = mode, TimeZone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Kolkata") });
        return JsonSerializer.Serialize(b.Daily(), UsageJson.Default.DailyReport) + JsonSerializer.Serialize(b.Sessions(), UsageJson.Default.SessionReport)
            + JsonSerializer.Serialize(b.Blocks(), UsageJson.Default.BlocksReport) + JsonSerializer.Serialize(b.Weekly(), UsageJson.Default.WeeklyReport) + d.MalformedLines;
    }

    private static void SameAsCold(TranscriptSandbox sandbox)
    {
        var warm = sandbox.Load(cache: true);
        var cold = sandbox.Load(cache: false);
        Reports(warm).ShouldBe(Reports(cold));
        Reports(warm, CostMode.Ccusage).ShouldBe(Reports(cold, CostMode.Ccusage));
    }

    [Fact]
    public void UnchangedFilesComeFromTheStore()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3), "{broken");
        sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m2", "r2", input: 4));
        var first = sandbox.Load(cache: true);
        (first.FilesRead, first.FilesFromCache, first.MalformedLines).ShouldBe((2, 0, 1));
        var second = sandbox.Load(cache: true);
        (second.FilesRead, second.FilesFromCache, second.MalformedLines).ShouldBe((0, 2, 1));
        Tokens(second).ShouldBe(7);
        second.Entries.Select(e => (e.DedupKey, e.Model, e.TimestampMs, e.Source.SessionId)).ShouldBe(first.Entries.Select(e => (e.DedupKey, e.Model, e.TimestampMs, e.Source.SessionId)));
    }

    [Fact]
    public void TheStoreIsReadableByItsOwnerOnly()
    {
        // Project paths, session ids and every request's usage: owner only, like the ledger — also a store created
        // before this rule (0644 in a 0755 directory) is tightened when it is next opened.
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        var storeDir = Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(sandbox.CachePath)!, "usage")).ShouldHaveSingleItem();
        var db = Directory.GetFiles(storeDir, "usage-cache.db").ShouldHaveSingleItem();
        File.SetUnixFileMode(db, (UnixFileMode)0b110_100_100);
        File.AppendAllText(sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m2", "r2", input: 4)), "");
        sandbox.Load(cache: true);
        File.GetUnixFileMode(storeDir).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var f in Directory.GetFiles(storeDir)) File.GetUnixFileMode(f).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, f);
    }

    [Fact]
    public void AppendedFileIsReadFromItsLastOffset()
    {
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m9", "r9", input: 1));
        sandbox.Load(cache: true);
        // A streamed copy of m1 (larger) and a new message are appended; the duplicate rule still sees the old entry.
        File.AppendAllText(path, Lines.Assistant("2025-11-20T10:00:02.000Z", "m1", "r1", input: 3, output: 10) + "\n" + Lines.Assistant(T, "m2", "r2", input: 5) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var warm = sandbox.Load(cache: true);
        (warm.FilesRead, warm.FilesFromCache).ShouldBe((1, 1));
        Tokens(warm).ShouldBe(19);
        Tokens(sandbox.Load(cache: false)).ShouldBe(19);
        warm.Entries.Count.ShouldBe(3);
        SameAsCold(sandbox);
    }

    [Fact]
    public void UnfinishedLastLineIsCountedOnceWhenCompleted()
    {
        using var sandbox = new TranscriptSandbox();
        var line = Lines.Assistant(T, null, "r1", input: 3);
        var path = Path.Combine(sandbox.ConfigDir, "projects", "p", "a.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, Lines.Assistant(T, "m0", "r0", input: 1) + "\n" + line[..30]);
        var partial = sandbox.Load(cache: true);
        (Tokens(partial), partial.MalformedLines).ShouldBe((1L, 1));
        // Entries without message id are never deduplicated, so a double read would show.
        File.AppendAllText(path, line[30..] + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var done = sandbox.Load(cache: true);
        (Tokens(done), done.MalformedLines).ShouldBe((4L, 0));
    }

    [Fact]
    public void LongLinesAndResumeOffsetsInLargerFiles()
    {
        using var sandbox = new TranscriptSandbox();
        var big = Lines.User(T, new string('x', 200_000));
        var line = Lines.Assistant(T, null, "r1", input: 3);
        var path = Path.Combine(sandbox.ConfigDir, "projects", "p", "a.jsonl");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, big + "\n" + Lines.Assistant(T, "m0", "r0", input: 1) + "\n{broken\n" + big + "\n" + line[..30]);
        var partial = sandbox.Load(cache: true);
        (Tokens(partial), partial.MalformedLines).ShouldBe((1L, 2));
        File.AppendAllText(path, line[30..] + "\n" + big + "\n" + Lines.Assistant(T, "m5", "r5", input: 5) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var done = sandbox.Load(cache: true);
        (Tokens(done), done.MalformedLines, done.FilesRead).ShouldBe((9L, 1, 1));
        var cold = sandbox.Load(cache: false);
        (Tokens(cold), cold.MalformedLines).ShouldBe((9L, 1));
    }

    [Fact]
    public void RewrittenSmallerFileIsReadAgain()
    {
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3000), Lines.Assistant(T, "m2", "r2", input: 3000));
        sandbox.Load(cache: true);
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m9", "r9", input: 1));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Tokens(sandbox.Load(cache: true)).ShouldBe(1);
    }

    [Fact]
    public void FileRewrittenLargerInPlaceIsReadAgain()
    {
        // Same inode, grown, but its first bytes changed: not an append.
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3000));
        sandbox.Load(cache: true);
        using (var f = new FileStream(path, FileMode.Open, FileAccess.Write))
        {
            var text = System.Text.Encoding.UTF8.GetBytes(Lines.Assistant(T, "m1", "r1", input: 1000) + "\n" + Lines.Assistant(T, "m2", "r2", input: 7) + "\n");
            f.Write(text);
        }
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Tokens(sandbox.Load(cache: true)).ShouldBe(1007);
        SameAsCold(sandbox);
    }

    [Fact]
    public void EditBeforeTheOldEndIsDetectedWhenTheFileGrows()
    {
        // The first line (and its first bytes) unchanged; the last line before the old end edited, then a line appended.
        using var sandbox = new TranscriptSandbox();
        var head = Lines.User(T, new string('h', 10_000));
        var path = sandbox.Write("p/a.jsonl", head, Lines.Assistant(T, "m1", "r1", input: 3000));
        sandbox.Load(cache: true);
        sandbox.Write("p/a.jsonl", head, Lines.Assistant(T, "m1", "r1", input: 1000), Lines.Assistant(T, "m2", "r2", input: 5));
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Tokens(sandbox.Load(cache: true)).ShouldBe(1005);
        SameAsCold(sandbox);
    }

    [Fact]
    public void TruncatedAndRegrownFileIsReadAgain()
    {
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        File.WriteAllText(path, "");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(3));
        Tokens(sandbox.Load(cache: true)).ShouldBe(0);
        File.WriteAllText(path, Lines.Assistant(T, "m7", "r7", input: 40) + "\n" + Lines.Assistant(T, "m8", "r8", input: 2) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(6));
        Tokens(sandbox.Load(cache: true)).ShouldBe(42);
    }

    [Fact]
    public void ReplacedFileWithTheSamePrefixIsReadAgain()
    {
        // A new file (another inode) renamed over the old one; its content starts the same but the old lines were rewritten.
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        var temp = path + ".new";
        File.WriteAllText(temp, Lines.Assistant(T, "m1", "r1", input: 3) + "\n" + Lines.Assistant(T, "m2", "r2", input: 9) + "\n");
        File.Move(temp, path, overwrite: true);
        var data = sandbox.Load(cache: true);
        Tokens(data).ShouldBe(12);
        SameAsCold(sandbox);
    }

    [Fact]
    public void DeletedFileNoLongerCounts()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        var b = sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m2", "r2", input: 4));
        sandbox.Load(cache: true);
        File.Delete(b);
        Tokens(sandbox.Load(cache: true)).ShouldBe(3);
    }

    [Fact]
    public void ABetterCopyInAnEarlierFileWinsAndASidechainReplayIsDropped()
    {
        using var sandbox = new TranscriptSandbox();
        // A sidechain copy is counted until the main conversation's copy of the same message arrives.
        sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m1", "r9", input: 50, sidechain: true), Lines.Assistant(T, "m2", "r2", input: 4));
        sandbox.Load(cache: true);
        sandbox.Write("p/c.jsonl", Lines.Assistant(T, "m1", "r1", input: 5));
        SameAsCold(sandbox);
        Tokens(sandbox.Load(cache: true)).ShouldBe(9);
        // A resumed copy with equal tokens in a file that sorts first takes the message over (the first in path order).
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m2", "r2", input: 4));
        var data = sandbox.Load(cache: true);
        data.Entries.Single(e => e.InputTokens == 4).Source.SessionId.ShouldBe("a");
        SameAsCold(sandbox);
    }

    [Fact]
    public void StoreMatchesAColdRunThroughRandomGrowth()
    {
        // Random sessions grow and appear over many runs: streamed copies that grow, resumed copies in new files, sidechain
        // replays, lines without ids, unknown models, fast mode, long prompts, torn lines. After every step the store's
        // reports equal a cold run's, byte for byte.
        var rnd = new Random(1234);
        using var sandbox = new TranscriptSandbox();
        var models = new[] { Lines.Sonnet45, Lines.Opus45, Lines.Haiku45, "claude-haiku-5-5", "claude-opus-4-6", "claude-foo-9" };
        var files = new List<string>();
        var written = new List<string>();
        var start = new DateTimeOffset(2025, 11, 18, 20, 0, 0, TimeSpan.Zero);
        for (int step = 0; step < 25; step++)
        {
            int changes = rnd.Next(1, 4);
            for (int c = 0; c < changes; c++)
            {
                string path;
                if (files.Count == 0 || rnd.NextDouble() < 0.3)
                {
                    var dir = rnd.NextDouble() < 0.3 && files.Count > 0 ? Path.GetFileNameWithoutExtension(files[rnd.Next(files.Count)]) + "/subagents/" : "";
                    path = Path.Combine(sandbox.ConfigDir, "projects", "p" + rnd.Next(2), dir + "s" + rnd.Next(1000).ToString("D4") + ".jsonl");
                    if (!files.Contains(path)) files.Add(path);
                }
                else path = files[rnd.Next(files.Count)];
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                var sb = new System.Text.StringBuilder();
                for (int k = rnd.Next(1, 6); k > 0; k--)
                {
                    var at = UsageReportBuilder.IsoTime(start.AddMinutes(rnd.Next(0, 4000)).AddMilliseconds(rnd.Next(1000)));
                    double kind = rnd.NextDouble();
                    if (kind < 0.2 && written.Count > 0) sb.Append(written[rnd.Next(written.Count)]).Append('\n'); // a resumed or streamed copy
                    else if (kind < 0.25) sb.Append("{\"type\":\"assistant\",\"message\":{\"usage\":{\"input_tokens\":\n"); // torn
                    else
                    {
                        var id = "m" + rnd.Next(60);
                        var line = Lines.Assistant(at, rnd.NextDouble() < 0.1 ? null : id, "r" + rnd.Next(3), models[rnd.Next(models.Length)],
                            input: rnd.Next(0, 3) == 0 ? rnd.Next(0, 250_000) : rnd.Next(0, 500), output: rnd.Next(0, 2000), cacheWrite: rnd.Next(0, 5000),
                            cacheRead: rnd.Next(0, 120_000), sidechain: rnd.NextDouble() < 0.2, speed: rnd.NextDouble() < 0.3, fast: rnd.NextDouble() < 0.1);
                        written.Add(line);
                        sb.Append(line).Append('\n');
                    }
                }
                File.AppendAllText(path, sb.ToString());
                File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(step * 10 + c));
            }
            SameAsCold(sandbox);
        }
    }

    [Fact]
    public void BrokenStoreFilesAreRebuiltNeverFatal()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        foreach (var f in Directory.EnumerateFiles(Path.GetDirectoryName(sandbox.CachePath)!, "*", SearchOption.AllDirectories))
            File.WriteAllText(f, "this is not a SQLite database nor a state file, just garbage that is long enough to have a header........");
        var data = sandbox.Load(cache: true);
        Tokens(data).ShouldBe(3);
        data.Warnings.ShouldContain(w => w.Contains("rebuilding"));
        var again = sandbox.Load(cache: true);
        (again.FilesFromCache, again.Warnings.Count).ShouldBe((1, 0));
    }

    [Fact]
    public void StateFilesFromDifferentUpdatesOrCutShortAreRebuilt()
    {
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m2", "r2", input: 4));
        sandbox.Load(cache: true);
        // The store of this set of transcript roots (one directory below the cache path per set).
        var dir = Path.GetDirectoryName(Directory.GetFiles(Path.GetDirectoryName(sandbox.CachePath)!, "usage-state.bin", SearchOption.AllDirectories).Single())!;
        var oldTimes = File.ReadAllBytes(Path.Combine(dir, "usage-times.bin"));
        var oldState = File.ReadAllBytes(Path.Combine(dir, "usage-state.bin"));

        // A times file of an earlier update next to the newer state: the pair does not match, so nothing of it is trusted.
        File.AppendAllText(path, Lines.Assistant("2025-11-20T11:00:00.000Z", "m3", "r3", input: 5) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        Tokens(sandbox.Load(cache: true)).ShouldBe(12);
        File.WriteAllBytes(Path.Combine(dir, "usage-times.bin"), oldTimes);
        File.AppendAllText(path, Lines.Assistant("2025-11-20T12:00:00.000Z", "m4", "r4", input: 6) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(10));
        Tokens(sandbox.Load(cache: true)).ShouldBe(18);
        SameAsCold(sandbox);

        // A state file cut short, or with a count that claims more than the file holds, reads as no state.
        foreach (var damaged in new[] { oldState[..(oldState.Length / 2)], oldState[..40].Concat(Enumerable.Repeat((byte)0xFF, 64)).ToArray() })
        {
            File.WriteAllBytes(Path.Combine(dir, "usage-state.bin"), damaged);
            Tokens(sandbox.Load(cache: true)).ShouldBe(18);
            SameAsCold(sandbox);
        }
    }

    [Fact]
    public void NoCacheNeitherReadsNorWrites()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: false).FilesRead.ShouldBe(1);
        Directory.Exists(Path.GetDirectoryName(sandbox.CachePath)!).ShouldBeFalse();
    }

    [Fact]
    public void FilesLastWrittenBeforeTheRangeAreSkipped()
    {
        using var sandbox = new TranscriptSandbox();
        var old = sandbox.Write("p/old.jsonl", Lines.Assistant("2025-01-01T10:00:00Z", "m1", "r1", input: 3));
        File.SetLastWriteTimeUtc(old, new DateTime(2025, 1, 1, 11, 0, 0, DateTimeKind.Utc));
        sandbox.Write("p/new.jsonl", Lines.Assistant(T, "m2", "r2", input: 4));
        var q = new UsageQuery { Now = DateTimeOffset.UtcNow, Since = new DateOnly(2025, 6, 1) };
        var data = UsageLoader.Load(sandbox.Host, new UsageLoadOptions { UseCache = false, ModifiedSince = q.EarliestInstant });
        (data.FilesFound, data.FilesSkipped, Tokens(data)).ShouldBe((2, 1, 4L));
    }

    [Fact]
    public void ProjectFilterMatchesDirectoryOrLastSegment()
    {
        TranscriptFiles.ProjectMatches("-home-me-app", "app").ShouldBeTrue();
        TranscriptFiles.ProjectMatches("-home-me-app", "-home-me-app").ShouldBeTrue();
        TranscriptFiles.ProjectMatches("-home-me-app", "/home/me/app").ShouldBeTrue();
        TranscriptFiles.ProjectMatches("-home-me-myapp", "app").ShouldBeFalse();
    }

    [Fact]
    public void TheStatesCellsAreUsedWhereTheFileIsMappedAndAnUpdateBeyondTheRoomStillAddsUp()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        var again = sandbox.Load(cache: true);
        again.Cells.ShouldNotBeNull().IsMapped.ShouldBe(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS());
        // More new cells than the mapping has room for (4,096): they move to memory, and every figure still equals a cold run.
        var start = new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero); // after T: every line a cell of its own
        var lines = Enumerable.Range(0, 5_000).Select(i => Lines.Assistant(start.AddMinutes(15 * i).UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), "mb" + i, "rb" + i, input: i + 1)).ToArray();
        File.AppendAllText(Path.Combine(sandbox.ConfigDir, "projects", "p", "a.jsonl"), string.Join("\n", lines) + "\n");
        var grown = sandbox.Load(cache: true);
        grown.Cells.ShouldNotBeNull().IsMapped.ShouldBeFalse();
        grown.Cells.Count.ShouldBe(5_001);
        SameAsCold(sandbox);
        sandbox.Load(cache: true).Cells.ShouldNotBeNull().Count.ShouldBe(5_001);
    }

    private static string StoreDir(TranscriptSandbox sandbox) =>
        Directory.GetDirectories(Path.Combine(Path.GetDirectoryName(sandbox.CachePath)!, "usage")).ShouldHaveSingleItem();

    private static string At(int minutes) => new DateTimeOffset(2025, 11, 20, 10, 0, 0, TimeSpan.Zero).AddMinutes(minutes)
        .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public void AnAppendWritesADeltaBesideTheFullStateNotANewFullState()
    {
        using var sandbox = new TranscriptSandbox();
        var a = sandbox.Write("p/a.jsonl", Enumerable.Range(0, 50).Select(i => Lines.Assistant(At(20 * i), "m" + i, "r" + i, input: i + 1)).ToArray());
        sandbox.Write("p/b.jsonl", Lines.Assistant(At(5), "mb", "rb", input: 9));
        sandbox.Load(cache: true);
        var dir = StoreDir(sandbox);
        var full = File.ReadAllBytes(Path.Combine(dir, "usage-state.bin"));
        var times = File.ReadAllBytes(Path.Combine(dir, "usage-times.bin"));
        File.Exists(Path.Combine(dir, "usage-state.delta")).ShouldBeFalse();

        // One line into an existing cell, one into a new cell, a new session with a new model: a small delta, same full file.
        File.AppendAllText(a, Lines.Assistant(At(20 * 49 + 1), "mx", "rx", input: 1000) + "\n" + Lines.Assistant(At(5000), "my", "ry", input: 7) + "\n");
        sandbox.Write("p/c.jsonl", Lines.Assistant(At(6000), "mz", "rz", model: Lines.Haiku45, input: 3));
        sandbox.Load(cache: true);
        File.ReadAllBytes(Path.Combine(dir, "usage-state.bin")).ShouldBe(full);
        File.ReadAllBytes(Path.Combine(dir, "usage-times.bin")).ShouldBe(times); // the changed cells' times are in the delta
        new FileInfo(Path.Combine(dir, "usage-state.delta")).Length.ShouldBeLessThan(full.Length);
        SameAsCold(sandbox);

        // A duplicate that replaces a counted copy (a cell taken from) goes through the delta too, and again from a
        // cell whose times the delta holds.
        File.AppendAllText(a, Lines.Assistant(At(40), "m2", "r2", input: 500) + "\n");
        SameAsCold(sandbox);
        File.AppendAllText(a, Lines.Assistant(At(40), "m2", "r2", input: 900) + "\n");
        SameAsCold(sandbox);
        Tokens(sandbox.Load(cache: true)).ShouldBe(Tokens(sandbox.Load(cache: false)));
        sandbox.Load(cache: true).FilesRead.ShouldBe(0);
        File.ReadAllBytes(Path.Combine(dir, "usage-state.bin")).ShouldBe(full);
    }

    [Fact]
    public void ADeltaOfAnotherFullStateIsIgnoredAndADamagedOneRebuilds()
    {
        using var sandbox = new TranscriptSandbox();
        var a = sandbox.Write("p/a.jsonl", Lines.Assistant(At(0), "m0", "r0", input: 1));
        sandbox.Load(cache: true);
        File.AppendAllText(a, Lines.Assistant(At(30), "m1", "r1", input: 2) + "\n");
        sandbox.Load(cache: true);
        var dir = StoreDir(sandbox);
        var delta = Path.Combine(dir, "usage-state.delta");
        var stale = File.ReadAllBytes(delta);

        // A rebuild (a file rewritten in place) writes a full state; the old delta put back belongs to another base.
        File.WriteAllText(a, Lines.Assistant(At(0), "m0", "r0", input: 5) + "\n" + Lines.Assistant(At(30), "m1", "r1", input: 6) + "\n");
        sandbox.Load(cache: true);
        File.Exists(delta).ShouldBeFalse();
        File.WriteAllBytes(delta, stale);
        Tokens(sandbox.Load(cache: true)).ShouldBe(11);
        SameAsCold(sandbox);

        // A damaged delta of the current base: the state is rebuilt from the store, never half-applied.
        File.AppendAllText(a, Lines.Assistant(At(60), "m2", "r2", input: 7) + "\n");
        sandbox.Load(cache: true);
        var bytes = File.ReadAllBytes(delta);
        File.WriteAllBytes(delta, bytes[..^10]);
        Tokens(sandbox.Load(cache: true)).ShouldBe(18);
        SameAsCold(sandbox);
    }

    [Fact]
    public void AnUpdateChangingMoreCellsThanADeltaHoldsWritesAFullState()
    {
        using var sandbox = new TranscriptSandbox();
        var a = sandbox.Write("p/a.jsonl", Lines.Assistant(At(0), "m0", "r0", input: 1));
        sandbox.Load(cache: true);
        var dir = StoreDir(sandbox);
        var lines = Enumerable.Range(1, UsageStateFile.MaxDeltaCells + 10).Select(i => Lines.Assistant(At(15 * i), "n" + i, "q" + i, input: 1)).ToArray();
        File.AppendAllText(a, string.Join("\n", lines) + "\n");
        sandbox.Load(cache: true).Cells.ShouldNotBeNull().Count.ShouldBe(UsageStateFile.MaxDeltaCells + 11);
        File.Exists(Path.Combine(dir, "usage-state.delta")).ShouldBeFalse();
        SameAsCold(sandbox);
    }

    [Fact]
    public void ADamagedStateDeltaOrTimesFileNeverGivesOtherFigures()
    {
        // Any byte of the state files changed, or a file cut short: the store notices (a rebuild from its chunks) or
        // the change cannot alter a figure — every report still equals a cold run, and nothing throws.
        using var sandbox = new TranscriptSandbox();
        var a = sandbox.Write("p/a.jsonl", Enumerable.Range(0, 30).Select(i => Lines.Assistant(At(20 * i), "m" + i, "r" + i, input: i + 1)).ToArray());
        sandbox.Load(cache: true);
        File.AppendAllText(a, Lines.Assistant(At(20 * 29 + 3), "mx", "rx", input: 1000) + "\n" + Lines.Assistant(At(4000), "my", "ry", input: 7) + "\n");
        sandbox.Load(cache: true);
        var dir = StoreDir(sandbox);
        var names = new[] { "usage-state.bin", "usage-state.delta", "usage-times.bin" };
        var saved = names.ToDictionary(n => n, n => File.ReadAllBytes(Path.Combine(dir, n)));
        var expected = Reports(sandbox.Load(cache: false));
        var random = new Random(15);
        for (int round = 0; round < 60; round++)
        {
            foreach (var (n, bytes) in saved) File.WriteAllBytes(Path.Combine(dir, n), bytes);
            var name = names[round % names.Length];
            var damaged = (byte[])saved[name].Clone();
            if (round % 4 == 3) damaged = damaged[..random.Next(damaged.Length)];
            else for (int k = 0; k < 1 + random.Next(4); k++) damaged[random.Next(damaged.Length)] ^= (byte)(1 + random.Next(255));
            File.WriteAllBytes(Path.Combine(dir, name), damaged);
            Reports(sandbox.Load(cache: true)).ShouldBe(expected, $"round {round}, {name}");
        }
    }
}
