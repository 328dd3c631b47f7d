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
}
