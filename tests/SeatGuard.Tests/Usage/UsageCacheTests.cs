using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class UsageCacheTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    private static long Tokens(UsageDataset d) => d.Entries.Sum(e => e.TotalTokens);

    [Fact]
    public void UnchangedFilesComeFromTheCache()
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
    public void AppendedFileIsReadFromItsLastOffset()
    {
        using var sandbox = new TranscriptSandbox();
        var path = sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: true);
        // A streamed copy of m1 (larger) and a new message are appended; the dedup still sees the old entry.
        File.AppendAllText(path, Lines.Assistant(T, "m1", "r1", input: 3, output: 10) + "\n" + Lines.Assistant(T, "m2", "r2", input: 5) + "\n");
        File.SetLastWriteTimeUtc(path, DateTime.UtcNow.AddSeconds(5));
        var warm = sandbox.Load(cache: true);
        var cold = sandbox.Load(cache: false);
        Tokens(warm).ShouldBe(18);
        Tokens(cold).ShouldBe(18);
        warm.Entries.Count.ShouldBe(2);
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
        // Long lines, a resume offset inside the file and an unfinished tail.
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
    public void BrokenCacheFileIsRebuiltNeverFatal()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        Directory.CreateDirectory(Path.GetDirectoryName(sandbox.CachePath)!);
        File.WriteAllText(sandbox.CachePath, "this is not a SQLite database, just garbage that is long enough to have a header........");
        var data = sandbox.Load(cache: true);
        Tokens(data).ShouldBe(3);
        data.Warnings.ShouldContain(w => w.Contains("rebuilding"));
        var again = sandbox.Load(cache: true);
        (again.FilesFromCache, again.Warnings.Count).ShouldBe((1, 0));
    }

    [Fact]
    public void NoCacheNeitherReadsNorWrites()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 3));
        sandbox.Load(cache: false).FilesRead.ShouldBe(1);
        File.Exists(sandbox.CachePath).ShouldBeFalse();
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
}
