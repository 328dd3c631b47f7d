using CsCheck;
using SeatGuard.Core.Usage;
using SeatGuard.Tests.Scan;

namespace SeatGuard.Tests.Usage;

/// <summary>The listing memo (<see cref="ListingMemo"/>): a listing through it equals one that reads every directory.</summary>
public sealed class ListingMemoTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    private static List<(string, long, DateTime)> Plain(TranscriptSandbox s, DateTime? since = null) =>
        TranscriptFiles.Find([s.ConfigDir], writtenSince: since).Select(f => (f.Source.Path + "|" + f.Source.SessionId + "|" + f.Source.IsSubagent, f.Size, f.LastWriteUtc)).ToList();

    /// <summary>One run as <c>usage</c> makes it: load the memo, list through it, save it.</summary>
    private static (List<(string, long, DateTime)> Files, bool Read) Memo(TranscriptSandbox s, string memoPath, DateTime? since = null)
    {
        var memo = ListingMemo.Load(memoPath);
        var files = TranscriptFiles.Find([s.ConfigDir], writtenSince: since, memo: memo)
            .Select(f => (f.Source.Path + "|" + f.Source.SessionId + "|" + f.Source.IsSubagent, f.Size, f.LastWriteUtc)).ToList();
        bool read = memo.Changed;
        memo.SaveIfChanged();
        return (files, read);
    }

    // A directory's times have the clock tick as resolution; the memo trusts a listing only once a tick has passed.
    private static void NextTick() => Thread.Sleep(30);

    /// <summary>Two runs a tick apart: the first writes the memo, the second remembers what was there before it.</summary>
    private static void Prime(TranscriptSandbox s, string memoPath)
    {
        NextTick();
        Memo(s, memoPath);
        NextTick();
        Memo(s, memoPath);
    }

    [LinuxFact] // the memo is used where StatDirectory works (Linux on x64 and arm64); elsewhere every directory is read
    public void ThroughTheMemoTheListingIsWhatReadingEveryDirectoryGivesAfterEveryKindOfChange()
    {
        using var s = new TranscriptSandbox();
        var memoPath = Path.Combine(s.Root, "data", "listing.memo");
        s.Write("p/s1.jsonl", Lines.Assistant(T, "m1", "r1", input: 1));
        s.Write("p/s1/subagents/agent-a.jsonl", Lines.Assistant(T, "m2", "r2", input: 2, sidechain: true));
        s.Write("p/s1/subagents/workflows/wf_1/agent-b.jsonl", Lines.Assistant(T, "m3", "r3", input: 4, sidechain: true));
        s.Write("p/s2.jsonl", Lines.Assistant(T, "m4", "r4", input: 1));
        s.Write("q/s3/subagents/agent-c.jsonl", Lines.Assistant(T, "m5", "r5", input: 1, sidechain: true));
        NextTick();
        Memo(s, memoPath).Files.ShouldBe(Plain(s)); // no memo yet: every directory read, none trusted
        Remembered(memoPath).ShouldBe(0);
        NextTick();
        Memo(s, memoPath).Files.ShouldBe(Plain(s)); // read again, now remembered
        NextTick();
        var quiet = Memo(s, memoPath);
        quiet.Files.ShouldBe(Plain(s));
        quiet.Read.ShouldBeFalse(); // nothing read: every session directory was stat'ed only

        var changes = new (string What, Action Change)[]
        {
            ("a transcript grows", () => File.AppendAllText(Path.Combine(s.ConfigDir, "projects/p/s1/subagents/agent-a.jsonl"), Lines.Assistant(T, "m6", "r6", input: 1) + "\n")),
            ("a subagent starts", () => s.Write("p/s1/subagents/agent-d.jsonl", Lines.Assistant(T, "m7", "r7", input: 1, sidechain: true))),
            ("a workflow run starts", () => s.Write("p/s1/subagents/workflows/wf_2/agent-e.jsonl", Lines.Assistant(T, "m8", "r8", input: 1, sidechain: true))),
            ("a transcript is deleted", () => File.Delete(Path.Combine(s.ConfigDir, "projects/p/s1/subagents/workflows/wf_1/agent-b.jsonl"))),
            ("a session directory is replaced", () =>
            {
                var dir = Path.Combine(s.ConfigDir, "projects/q/s3");
                Directory.Move(dir, dir + ".old");
                s.Write("q/s3/subagents/agent-f.jsonl", Lines.Assistant(T, "m9", "r9", input: 1, sidechain: true));
            }),
            ("a session directory goes away", () => Directory.Delete(Path.Combine(s.ConfigDir, "projects/q/s3.old"), recursive: true)),
            ("a new session with subagents", () => s.Write("p/s9/subagents/agent-g.jsonl", Lines.Assistant(T, "m10", "r10", input: 1, sidechain: true))),
            ("a subagents directory becomes a file", () =>
            {
                Directory.Delete(Path.Combine(s.ConfigDir, "projects/p/s9/subagents"), recursive: true);
                File.WriteAllText(Path.Combine(s.ConfigDir, "projects/p/s9/subagents"), "");
            }),
        };
        foreach (var (what, change) in changes)
        {
            change(); // at once, in the tick of the last listing: the memo must still see it
            var now = Memo(s, memoPath);
            now.Files.ShouldBe(Plain(s), what);
            NextTick();
            Memo(s, memoPath).Files.ShouldBe(Plain(s), what + ", next run");
        }
    }

    /// <summary>How many session directories the memo file remembers.</summary>
    private static int Remembered(string memoPath) => ListingMemo.Parse(File.ReadAllBytes(memoPath))!.Values.Sum(sessions => sessions.Count);

    [LinuxFact] // the memo is used where StatDirectory works (Linux on x64 and arm64); elsewhere every directory is read
    public void ADirectoryWhoseTimesAreNotBeforeTheMemosIsReadEveryTime()
    {
        using var s = new TranscriptSandbox();
        var memoPath = Path.Combine(s.Root, "data", "listing.memo");
        s.Write("p/s1/subagents/agent-a.jsonl", Lines.Assistant(T, "m1", "r1", input: 1, sidechain: true));
        s.Write("p/s2/subagents/agent-b.jsonl", Lines.Assistant(T, "m2", "r2", input: 1, sidechain: true));
        // A time the memo cannot be later than (a clock set back, a copied tree): nothing created in it could be told apart.
        Directory.SetLastWriteTimeUtc(Path.Combine(s.ConfigDir, "projects/p/s2"), DateTime.UtcNow.AddDays(1));
        Prime(s, memoPath);
        Remembered(memoPath).ShouldBe(1); // s1 only
        var again = Memo(s, memoPath);
        again.Files.ShouldBe(Plain(s));
        again.Read.ShouldBeTrue();
    }

    [LinuxFact] // the memo is used where StatDirectory works (Linux on x64 and arm64); elsewhere every directory is read
    public void AStatusLineListingKeepsWhatItDidNotLookAt()
    {
        using var s = new TranscriptSandbox();
        var memoPath = Path.Combine(s.Root, "data", "listing.memo");
        var old = s.Write("p/old.jsonl", Lines.Assistant(T, "m1", "r1", input: 1));
        var oldAgent = s.Write("p/old/subagents/agent-a.jsonl", Lines.Assistant(T, "m2", "r2", input: 1, sidechain: true));
        File.SetLastWriteTimeUtc(old, DateTime.UtcNow.AddDays(-30));
        File.SetLastWriteTimeUtc(oldAgent, DateTime.UtcNow.AddDays(-30));
        s.Write("p/new.jsonl", Lines.Assistant(T, "m3", "r3", input: 1));
        s.Write("p/new/subagents/agent-b.jsonl", Lines.Assistant(T, "m4", "r4", input: 1, sidechain: true));
        Prime(s, memoPath);
        var since = DateTime.UtcNow.AddDays(-8);
        Memo(s, memoPath, since).Files.ShouldBe(Plain(s, since));
        // The old session's directory was skipped, not forgotten: a full listing after it still reads nothing again.
        var full = Memo(s, memoPath);
        full.Files.ShouldBe(Plain(s));
        full.Read.ShouldBeFalse();
    }

    [LinuxFact] // the memo is used where StatDirectory works (Linux on x64 and arm64); elsewhere every directory is read
    public void AChangedCutOrForgedMemoIsReadAsNoMemoAndNeverThrows()
    {
        using var s = new TranscriptSandbox();
        var memoPath = Path.Combine(s.Root, "data", "listing.memo");
        s.Write("p/s1/subagents/agent-a.jsonl", Lines.Assistant(T, "m1", "r1", input: 1, sidechain: true));
        Prime(s, memoPath);
        var good = File.ReadAllBytes(memoPath);
        ListingMemo.Parse(good).ShouldNotBeNull();
        Gen.Select(Gen.Int[0, good.Length - 1], Gen.Byte, Gen.Int[0, good.Length - 1]).Sample((at, value, cut) =>
        {
            var bytes = (byte[])good.Clone();
            bytes[at] ^= (byte)(value | 1);
            ListingMemo.Parse(bytes).ShouldBeNull(); // a changed byte fails the hash
            ListingMemo.Parse(good.AsSpan(0, cut)).ShouldBeNull();
        }, iter: 500);
        Gen.Byte.Array[0, 400].Sample(bytes => { ListingMemo.Parse(bytes); }, iter: 2000); // random bytes: null or a memo, no exception
    }

    [LinuxFact]
    public void AFifoOrAFolderWhereTheMemoShouldBeIsNeitherReadNorReplacedAndTheListingIsWhole()
    {
        using var s = new TranscriptSandbox();
        s.Write("p/s1/subagents/agent-a.jsonl", Lines.Assistant(T, "m1", "r1", input: 1, sidechain: true));
        var fifo = Path.Combine(s.Root, "data", "listing.memo");
        Directory.CreateDirectory(Path.GetDirectoryName(fifo)!);
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [fifo])) mk!.WaitForExit();
        var folder = Path.Combine(s.Root, "data2", "listing.memo");
        Directory.CreateDirectory(folder);
        foreach (var memoPath in new[] { fifo, folder })
        {
            for (int i = 0; i < 2; i++) Memo(s, memoPath).Files.ShouldBe(Plain(s)); // a reader of the FIFO would hang here
        }
        (File.GetAttributes(fifo) & FileAttributes.Directory).ShouldBe((FileAttributes)0);
        new FileInfo(fifo).Length.ShouldBe(0); // still the FIFO: never renamed over
        Directory.Exists(folder).ShouldBeTrue();
    }

    [Theory]
    [InlineData("..")]
    [InlineData(".")]
    [InlineData("a/../../etc")]
    public void AMemoNamingAPathOutsideItsDirectoryIsRefusedEvenWithAValidHash(string name)
    {
        // A memo is data SeatGuard wrote; one that names a parent or a nested path is not one it wrote, whatever its hash says.
        ListingMemo.Parse(MemoNaming(name)).ShouldBeNull();
        ListingMemo.Parse(MemoNaming("s1")).ShouldNotBeNull(); // the same memo with a plain name is read
    }

    /// <summary>A memo of one project with one session directory named <paramref name="session"/>, hashed as SeatGuard writes it.</summary>
    private static byte[] MemoNaming(string session)
    {
        var ms = new MemoryStream();
        var w = new BinaryWriter(ms);
        w.Write(0x4D4C4753u); w.Write((byte)1); w.Write(1);
        WriteText(w, "/home/u/.claude/projects/p"); w.Write(1);
        WriteText(w, session);
        w.Write(1UL); w.Write(2UL); w.Write(3L); w.Write(4L); // stamp
        w.Write(1); WriteText(w, "agent.jsonl"); w.Write(0);   // one file, no subdirectories
        w.Flush();
        var body = ms.ToArray();
        return [.. body, .. BitConverter.GetBytes(System.IO.Hashing.XxHash3.HashToUInt64(body))];
    }

    private static void WriteText(BinaryWriter w, string text)
    {
        var b = System.Text.Encoding.UTF8.GetBytes(text);
        w.Write((ushort)b.Length);
        w.Write(b);
    }
}
