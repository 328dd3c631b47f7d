using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class DedupTests
{
    private const string T = "2025-11-20T10:00:00.000Z";
    private const string T2 = "2025-11-20T10:00:05.000Z";

    private static List<UsageEntry> Dedup(params string[] lines) => UsageDeduper.Deduplicate(Lines.Scan(lines).Entries);

    [Fact]
    public void StreamedCopiesKeepTheLargestTotal()
    {
        Dedup(Lines.Assistant(T, output: 50), Lines.Assistant(T2, output: 2)).Single().OutputTokens.ShouldBe(50);
        Dedup(Lines.Assistant(T, output: 2), Lines.Assistant(T2, output: 50)).Single().OutputTokens.ShouldBe(50);
    }

    [Fact]
    public void OnATieTheCopyWithSpeedWins()
    {
        var kept = Dedup(Lines.Assistant(T, output: 4), Lines.Assistant(T2, output: 4, speed: true)).Single();
        kept.HasSpeed.ShouldBeTrue();
        kept.Timestamp.Second.ShouldBe(5);
    }

    [Fact]
    public void ResumedSessionRepeatsAreCountedOnceAcrossFiles()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/a.jsonl", Lines.Assistant(T, "m1", "r1", input: 2));
        sandbox.Write("p/b.jsonl", Lines.Assistant(T, "m1", "r1", input: 2), Lines.Assistant(T2, "m2", "r2", input: 3));
        var data = sandbox.Load();
        data.Entries.Sum(e => e.InputTokens).ShouldBe(5);
        data.Entries.First(e => e.InputTokens == 2).Source.SessionId.ShouldBe("a");
    }

    [Fact]
    public void SidechainReplayOfAMainMessageIsDroppedWhateverItsRequestId()
    {
        Dedup(Lines.Assistant(T, "m4", "r4", output: 4), Lines.Assistant(T, "m4", "r4b", output: 40, sidechain: true)).Single().OutputTokens.ShouldBe(4);
        // Order does not matter, and the larger sidechain copy does not win.
        Dedup(Lines.Assistant(T, "m4", "r4b", output: 40, sidechain: true), Lines.Assistant(T2, "m4", "r4", output: 4)).Single().OutputTokens.ShouldBe(4);
    }

    [Fact]
    public void SidechainEntriesOfTheirOwnCount()
    {
        Dedup(Lines.Assistant(T, "m1", "r1", output: 1), Lines.Assistant(T, "m2", "r2", output: 2, sidechain: true)).Count.ShouldBe(2);
    }

    [Fact]
    public void WithoutRequestIdTheMessageIdAloneIsTheKey()
    {
        Dedup(Lines.Assistant(T, "m10", null, input: 10), Lines.Assistant(T2, "m10", null, input: 10)).Count.ShouldBe(1);
        Dedup(Lines.Assistant(T, "m10", "r1", input: 10), Lines.Assistant(T2, "m10", "r2", input: 10)).Count.ShouldBe(2);
    }

    [Fact]
    public void WithoutMessageIdEveryLineCounts()
    {
        Dedup(Lines.Assistant(T, null, "r1", input: 10), Lines.Assistant(T2, null, "r1", input: 10)).Count.ShouldBe(2);
    }

    [Fact]
    public void SubagentFilesCountInTheirParentSession()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/f.jsonl", Lines.Assistant(T, "m6", "r6", input: 6));
        sandbox.Write("p/f/subagents/agent-x.jsonl", Lines.Assistant(T, "m7", "r7", input: 7, sidechain: true));
        var sessions = new UsageReportBuilder(sandbox.Load(), new UsageQuery { Now = DateTimeOffset.UtcNow }).Sessions().Sessions;
        sessions.Single().SessionId.ShouldBe("f");
        sessions.Single().InputTokens.ShouldBe(13);
    }
}
