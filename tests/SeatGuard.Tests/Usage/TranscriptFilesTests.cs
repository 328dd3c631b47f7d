using SeatGuard.Core.Usage;

namespace SeatGuard.Tests.Usage;

public sealed class TranscriptFilesTests
{
    private const string T = "2025-11-20T10:00:00.000Z";

    [Fact]
    public void EveryTranscriptBelowASessionDirectoryCountsInThatSession()
    {
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/s1.jsonl", Lines.Assistant(T, "m1", "r1", input: 1));
        sandbox.Write("p/s1/subagents/agent-a.jsonl", Lines.Assistant(T, "m2", "r2", input: 2, sidechain: true));
        sandbox.Write("p/s1/subagents/workflows/wf_1/agent-b.jsonl", Lines.Assistant(T, "m3", "r3", input: 4, sidechain: true));
        sandbox.Write("p/s1/subagents/workflows/wf_1/journal.jsonl", """{"type":"workflow","step":1}""");
        var files = TranscriptFiles.Find([sandbox.ConfigDir]);
        files.Select(f => (Path.GetRelativePath(sandbox.ConfigDir, f.Source.Path), f.Source.SessionId, f.Source.IsSubagent)).ShouldBe([
            (Path.Combine("projects", "p", "s1.jsonl"), "s1", false),
            (Path.Combine("projects", "p", "s1", "subagents", "agent-a.jsonl"), "s1", true),
            (Path.Combine("projects", "p", "s1", "subagents", "workflows", "wf_1", "agent-b.jsonl"), "s1", true),
            (Path.Combine("projects", "p", "s1", "subagents", "workflows", "wf_1", "journal.jsonl"), "s1", true),
        ]);
        var reports = new UsageReportBuilder(sandbox.Load(), new UsageQuery { Now = DateTimeOffset.UtcNow });
        reports.Sessions().Sessions.Single().InputTokens.ShouldBe(7);
    }

    [Fact]
    public void TheListingIsInPathOrderAcrossProjectsWhoseNamesArePrefixesOfOneAnother()
    {
        using var sandbox = new TranscriptSandbox();
        // "-app" sorts before "-app-v2" as a name, but "-app-v2/…" before "-app/…" as a path ('-' < '/').
        foreach (var rel in new[] { "-app/b.jsonl", "-app/a.jsonl", "-app-v2/z.jsonl", "-app.old/y.jsonl", "-app0/x.jsonl", "-app/a/subagents/agent-1.jsonl", "-ap/w.jsonl" })
            sandbox.Write(rel, Lines.Assistant(T, "m" + rel, "r" + rel, input: 1));
        var paths = TranscriptFiles.Find([sandbox.ConfigDir, sandbox.ConfigDir]).Select(f => f.Source.Path).ToList();
        paths.ShouldBe(paths.Order(StringComparer.Ordinal).ToList());
        paths.Count.ShouldBe(7); // a root named twice lists its files once
    }

    [Fact]
    public void AListingOfRecentFilesDoesNotWalkTheDirectoriesOfSessionsLastWrittenBefore()
    {
        using var sandbox = new TranscriptSandbox();
        var since = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(sandbox.Write("p/old.jsonl", Lines.Assistant(T, "m1", "r1", input: 1)), since.AddDays(-30));
        File.SetLastWriteTimeUtc(sandbox.Write("p/old/subagents/agent-a.jsonl", Lines.Assistant(T, "m2", "r2", input: 2)), since.AddDays(-30));
        sandbox.Write("p/new.jsonl", Lines.Assistant(T, "m3", "r3", input: 3));
        sandbox.Write("p/new/subagents/agent-b.jsonl", Lines.Assistant(T, "m4", "r4", input: 4));
        sandbox.Write("p/orphan/subagents/agent-c.jsonl", Lines.Assistant(T, "m5", "r5", input: 5)); // no session file: walked

        string Names(IEnumerable<TranscriptFile> files) => string.Join(" ", files.Select(f => Path.GetFileName(f.Source.Path)));
        Names(TranscriptFiles.Find([sandbox.ConfigDir], writtenSince: since)).ShouldBe("new.jsonl agent-b.jsonl old.jsonl agent-c.jsonl");
        Names(TranscriptFiles.Find([sandbox.ConfigDir])).ShouldBe("new.jsonl agent-b.jsonl old.jsonl agent-a.jsonl agent-c.jsonl");
    }

    [Fact]
    public void DirectoryLinksAreNotFollowedAndSpecialFilesNeverBlock()
    {
        if (OperatingSystem.IsWindows()) return;
        using var sandbox = new TranscriptSandbox();
        sandbox.Write("p/s1.jsonl", Lines.Assistant(T, "m1", "r1", input: 1));
        var loop = Path.Combine(sandbox.ConfigDir, "projects", "p", "s1", "subagents");
        Directory.CreateDirectory(loop);
        Directory.CreateSymbolicLink(Path.Combine(loop, "again"), Path.Combine(sandbox.ConfigDir, "projects", "p"));
        var fifo = Path.Combine(loop, "agent-fifo.jsonl");
        using (var mk = System.Diagnostics.Process.Start("mkfifo", [fifo])) mk!.WaitForExit();
        var data = sandbox.Load();
        data.Entries.Sum(e => e.InputTokens).ShouldBe(1);
        data.Warnings.ShouldContain(w => w.Contains("agent-fifo.jsonl") && w.Contains("not a regular file"));
    }
}
