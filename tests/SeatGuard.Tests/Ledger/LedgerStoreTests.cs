using SeatGuard.Core.Ledger;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Ledger;

public sealed class LedgerStoreTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();
    private string DbPath => Path.Combine(_sandbox.Root, "data", "ledger.db");

    public void Dispose() => _sandbox.Dispose();

    private static LedgerEntry Entry(DateTimeOffset time, string session = "s", string command = "claude -p hi") =>
        new(0, time, command, "/w", "alice", "alice", "subscription", "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", "sha256:00000000",
            "subscription", 0, session, 0.01, 1, 2, 3, 4, false, null, "five_hour", "allowed", 0.5, false);

    [Fact]
    public void AppendsAndListsSinceATime()
    {
        var t0 = new DateTimeOffset(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);
        using (var store = LedgerStore.Open(DbPath))
        {
            store.Append(Entry(t0, "a"));
            store.Append(Entry(t0.AddDays(2), "b"));
        }
        using var reopened = LedgerStore.Open(DbPath);
        reopened.List().Select(e => e.SessionId).ShouldBe(["a", "b"]);
        reopened.List(t0.AddDays(1)).Single().SessionId.ShouldBe("b");
        reopened.List().First().ShouldBe(Entry(t0, "a") with { Id = 1 });
        reopened.List().Last(e => e.SessionId == "b").Verdict.ShouldBe("subscription");
    }

    [Fact]
    public void CommandsAreScrubbedOfTokens()
    {
        var key = FakeTokens.ApiKey();
        using var store = LedgerStore.Open(DbPath);
        store.Append(Entry(DateTimeOffset.UtcNow, command: "claude --settings {\"env\":{\"ANTHROPIC_API_KEY\":\"" + key + "\"}}"));
        store.List().Single().Command.ShouldNotContain(key[20..]);
    }

    [Fact]
    public async Task ConcurrentLaunchesAllLand()
    {
        LedgerStore.Open(DbPath).Dispose();
        var tasks = Enumerable.Range(0, 8).Select(i => Task.Run(() =>
        {
            for (int j = 0; j < 10; j++)
            {
                using var store = LedgerStore.Open(DbPath);
                store.Append(Entry(DateTimeOffset.UtcNow, $"{i}-{j}"));
            }
        }));
        await Task.WhenAll(tasks);
        using var check = LedgerStore.Open(DbPath);
        check.List().Count.ShouldBe(80);
    }

    [Fact]
    public void BrokenDatabaseFileIsAClearError()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        File.WriteAllText(DbPath, "this is not a database, just some text that is long enough to look like a header................................");
        var e = Should.Throw<LedgerException>(() => LedgerStore.Open(DbPath));
        e.Message.ShouldContain(DbPath);
        e.Message.ShouldContain("Move it aside");
    }
}
