using SeatGuard.Core.Usage;
using System.Globalization;
using SeatGuard.Core.Integration;
using SeatGuard.TestKit;
using SeatGuard.Tests.Usage;

namespace SeatGuard.Tests.Integration;

public sealed class StatusLineUsageTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    public void Dispose() => _sandbox.Dispose();

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    [Fact]
    public void GlanceCountsTheActiveBlockAndTodayLikeUsageDoes()
    {
        var now = new DateTimeOffset(2026, 11, 25, 15, 30, 0, TimeSpan.Zero);
        var file = Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "s.jsonl");
        // Yesterday (a finished block), then two requests in the block that started at 13:00 UTC today.
        _sandbox.WriteText(file, string.Join('\n',
            Lines.Assistant(Iso(now.AddDays(-1)), "msg_a", "req_a", input: 1_000_000),
            Lines.Assistant(Iso(now.AddMinutes(-130)), "msg_b", "req_b", input: 100_000, output: 10_000),
            Lines.Assistant(Iso(now.AddMinutes(-10)), "msg_c", "req_c", input: 150_000)) + "\n");
        File.SetLastWriteTimeUtc(file, now.UtcDateTime.AddMinutes(-10));

        var glance = StatusLineUsage.From(new RecentUsageReader(timeZone: TimeZoneInfo.Utc).Read(_sandbox.Host(), now).ShouldNotBeNull());

        glance.BlockTokens.ShouldBe(260_000);
        // sonnet-4-5 below the long-context threshold: $3 per million input, $15 per million output.
        glance.BlockCost!.Value.ShouldBe(0.25m * 3 + 0.01m * 15, 0.0001m);
        glance.TodayCost!.Value.ShouldBe(glance.BlockCost.Value, 0.0001m);
        glance.BlockEnds.ShouldBe(new DateTimeOffset(2026, 11, 25, 18, 0, 0, TimeSpan.Zero));
    }

    [Fact]
    public void NoTranscriptsMeansNoGlance()
    {
        new RecentUsageReader().Read(_sandbox.Host(), DateTimeOffset.UtcNow).ShouldBeNull();
    }

    private static string StoreRoot(SandboxHome sandbox) => Path.Combine(SeatGuard.Core.Common.ClaudePaths.SeatGuardDataDir(sandbox.Host()), "usage");

    [Fact]
    public void TheGlanceKeepsAStoreOfItsOwnWithOnlyTheRecentlyWrittenFilesAndNoticesOneDeleted()
    {
        var now = DateTimeOffset.UtcNow;
        var old = Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "old.jsonl");
        _sandbox.WriteText(old, Lines.Assistant(Iso(now.AddDays(-40)), "msg_o", "req_o", input: 5_000_000) + "\n");
        File.SetLastWriteTimeUtc(old, now.UtcDateTime.AddDays(-40));
        var recent = Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "recent.jsonl");
        _sandbox.WriteText(recent, Lines.Assistant(Iso(now.AddMinutes(-5)), "msg_r", "req_r", input: 100_000) + "\n");
        var other = Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "other.jsonl");
        _sandbox.WriteText(other, Lines.Assistant(Iso(now.AddMinutes(-3)), "msg_x", "req_x", input: 50_000) + "\n");
        var reader = new RecentUsageReader(timeZone: TimeZoneInfo.Utc);

        reader.Build(_sandbox.Host(), now).ActiveBlock.ShouldNotBeNull().TotalTokens.ShouldBe(150_000);

        // One store directory of the "recent-" kind, and its state holds the two recent files only.
        var scoped = Directory.GetDirectories(StoreRoot(_sandbox), "recent-*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        File.ReadAllBytes(Path.Combine(scoped, "usage-state.bin")).AsSpan().IndexOf("old.jsonl"u8).ShouldBe(-1);
        File.ReadAllBytes(Path.Combine(scoped, "usage-state.bin")).AsSpan().IndexOf("recent.jsonl"u8).ShouldBeGreaterThan(0);

        // A recent file deleted: its entries no longer count (the partial listing alone would not show it).
        File.Delete(other);
        reader.Build(_sandbox.Host(), now).ActiveBlock.ShouldNotBeNull().TotalTokens.ShouldBe(100_000);
        // Appended: counted.
        File.AppendAllText(recent, Lines.Assistant(Iso(now.AddMinutes(-1)), "msg_r2", "req_r2", input: 7) + "\n");
        reader.Build(_sandbox.Host(), now).ActiveBlock.ShouldNotBeNull().TotalTokens.ShouldBe(100_007);
    }

    [Fact]
    public void TheNextDaysGlanceStartsANewStoreAndRemovesTheOldOne()
    {
        var now = DateTimeOffset.UtcNow;
        var file = Path.Combine(_sandbox.ClaudeDir, "projects", "-w", "s.jsonl");
        _sandbox.WriteText(file, Lines.Assistant(Iso(now.AddMinutes(-5)), "msg_a", "req_a", input: 1_000) + "\n");
        var reader = new RecentUsageReader(timeZone: TimeZoneInfo.Utc);
        reader.Build(_sandbox.Host(), now);
        var first = Directory.GetDirectories(StoreRoot(_sandbox), "recent-*", SearchOption.AllDirectories).ShouldHaveSingleItem();

        File.AppendAllText(file, Lines.Assistant(Iso(now.AddDays(1).AddMinutes(-5)), "msg_b", "req_b", input: 2_000) + "\n");
        reader.Build(_sandbox.Host(), now.AddDays(1)).Today.TotalTokens.ShouldBe(2_000);

        var second = Directory.GetDirectories(StoreRoot(_sandbox), "recent-*", SearchOption.AllDirectories).ShouldHaveSingleItem();
        second.ShouldNotBe(first);
        Directory.Exists(first).ShouldBeFalse();
    }
}
