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
        var first = reopened.List().First();
        (first with { Models = [], RequestIds = [], RateLimitEvents = [] }).ShouldBe(Entry(t0, "a") with { Id = 1, Models = [], RequestIds = [], RateLimitEvents = [] });
        reopened.List().Last(e => e.SessionId == "b").Verdict.ShouldBe("subscription");
    }

    [Fact]
    public void EvidenceForABillingDisputeRoundTrips()
    {
        var reset = new DateTimeOffset(2026, 12, 1, 15, 0, 0, TimeSpan.Zero);
        var events = new[]
        {
            new SeatGuard.Core.Launch.RateLimitEvent("five_hour", "rejected", 1.0, reset, "allowed", true, true, null,
                new Dictionary<string, SeatGuard.Core.Launch.RateLimitWindow> { ["five_hour"] = new(1.0, reset, "rejected"), ["seven_day"] = new(0.1, reset.AddDays(3), "allowed") }),
        };
        using (var store = LedgerStore.Open(DbPath))
            store.Append(Entry(reset.AddHours(-1)) with
            {
                Models = ["claude-sonnet-5-5"], RequestIds = ["req_1", "req_2"], RateLimitEvents = events, Overage = true, StoppedBy = "overage", SeatGuardExit = 3,
                ModelDecision = "model policy: sonnet (rule 'routine')",
            });
        var e = LedgerStore.ReadIfExists(DbPath).Single();
        e.Models.ShouldBe(["claude-sonnet-5-5"]);
        e.RequestIds.ShouldBe(["req_1", "req_2"]);
        e.Overage.ShouldBeTrue();
        e.StoppedBy.ShouldBe("overage");
        e.SeatGuardExit.ShouldBe(3);
        e.ModelDecision.ShouldStartWith("model policy: sonnet");
        var ev = e.RateLimitEvents.Single();
        (ev.Type, ev.Status, ev.Utilization, ev.ResetsAt, ev.IsUsingOverage, ev.OverageInUse).ShouldBe(("five_hour", "rejected", (double?)1.0, (DateTimeOffset?)reset, (bool?)true, (bool?)true));
        ev.Windows!["seven_day"].Utilization.ShouldBe(0.1);
    }

    [Fact]
    public void AVersionOneLedgerIsMigratedInPlaceKeepingItsRows()
    {
        Directory.CreateDirectory(Path.GetDirectoryName(DbPath)!);
        using (var c = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + DbPath + ";Pooling=False"))
        {
            c.Open();
            using var cmd = c.CreateCommand();
            // The schema of SeatGuard's first ledger, with one launch in it.
            cmd.CommandText = """
                CREATE TABLE launches (id INTEGER PRIMARY KEY AUTOINCREMENT, time TEXT NOT NULL, command TEXT NOT NULL, cwd TEXT NOT NULL, beneficiary TEXT NOT NULL, owner TEXT NOT NULL,
                  mode TEXT NOT NULL, credential_kind TEXT NOT NULL, credential_source TEXT NOT NULL, credential_fingerprint TEXT, verdict TEXT NOT NULL, exit_code INTEGER,
                  session_id TEXT, cost_usd REAL, input_tokens INTEGER NOT NULL DEFAULT 0, output_tokens INTEGER NOT NULL DEFAULT 0, cache_creation_tokens INTEGER NOT NULL DEFAULT 0,
                  cache_read_tokens INTEGER NOT NULL DEFAULT 0, forced INTEGER NOT NULL DEFAULT 0, warning TEXT, rate_limit_type TEXT, rate_limit_status TEXT, utilization REAL, overage_in_use INTEGER);
                INSERT INTO launches (time, command, cwd, beneficiary, owner, mode, credential_kind, credential_source, verdict, exit_code, session_id, rate_limit_type, utilization)
                  VALUES ('2026-11-20T10:00:00.000Z', 'claude -p old', '/w', 'alice', 'alice', 'subscription', 'oauth-token', 'env:CLAUDE_CODE_OAUTH_TOKEN', 'subscription', 0, 'old', 'seven_day', 0.4);
                PRAGMA user_version = 1;
                """;
            cmd.ExecuteNonQuery();
        }
        using (var store = LedgerStore.Open(DbPath))
        {
            var old = store.List().Single();
            (old.SessionId, old.RateLimitType, old.Utilization, old.Models.Count, old.Overage, old.SeatGuardExit).ShouldBe(("old", "seven_day", (double?)0.4, 0, false, (int?)null));
            store.Append(Entry(DateTimeOffset.UtcNow, "new") with { Models = ["m"] });
        }
        using var check = new Microsoft.Data.Sqlite.SqliteConnection("Data Source=" + DbPath + ";Pooling=False");
        check.Open();
        using var version = check.CreateCommand();
        version.CommandText = "PRAGMA user_version;";
        ((long)version.ExecuteScalar()!).ShouldBe(LedgerStore.SchemaVersion);
        LedgerStore.ReadIfExists(DbPath).Select(e => e.SessionId).ShouldBe(["old", "new"]);
    }

    [Fact]
    public void TheLedgerIsReadableByItsOwnerOnlyAndOlderFilesAreTightened()
    {
        if (OperatingSystem.IsWindows()) return;
        var dir = Path.GetDirectoryName(DbPath)!;
        Directory.CreateDirectory(dir);
        File.SetUnixFileMode(dir, (UnixFileMode)0b111_101_101);
        File.WriteAllBytes(DbPath, []);
        File.SetUnixFileMode(DbPath, (UnixFileMode)0b110_100_100);
        using (var store = LedgerStore.Open(DbPath)) store.Append(Entry(DateTimeOffset.UtcNow));
        File.GetUnixFileMode(dir).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        foreach (var f in Directory.GetFiles(dir)) File.GetUnixFileMode(f).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite, f);

        var fresh = Path.Combine(_sandbox.Root, "fresh", "nested", "ledger.db");
        using (var store = LedgerStore.Open(fresh)) store.Append(Entry(DateTimeOffset.UtcNow));
        File.GetUnixFileMode(Path.GetDirectoryName(fresh)!).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        File.GetUnixFileMode(fresh).ShouldBe(UnixFileMode.UserRead | UnixFileMode.UserWrite);
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

public sealed class LedgerExportTests
{
    [Fact]
    public void CsvQuotesListsAndNeutralisesFormulas()
    {
        var e = new LedgerEntry(7, new DateTimeOffset(2026, 12, 1, 10, 0, 0, TimeSpan.Zero), "=cmd|' /C calc'!A0", "/w, with comma", "alice", "alice", "subscription",
            "oauth-token", "env:CLAUDE_CODE_OAUTH_TOKEN", "sha256:00000000", "subscription", 0, "s", 0.5, 0, 0, 0, 0, false, "say \"hi\"", null, null, null, null)
        {
            Models = ["a", "b"], RequestIds = ["req_1"], SeatGuardExit = 0,
        };
        var csv = new LedgerExport("/l", DateTimeOffset.UnixEpoch, null, [e]).ToCsv().Split('\n');
        csv[0].ShouldBe(string.Join(',', LedgerExport.CsvColumns));
        csv[1].ShouldStartWith("7,2026-12-01T10:00:00.000Z,alice,alice,subscription,subscription,0,0,,false,s,a;b,req_1,[],0.5,oauth-token,");
        csv[1].ShouldContain("\"say \"\"hi\"\"\"");
        csv[1].ShouldContain("\"/w, with comma\"");
        csv[1].ShouldEndWith("'=cmd|' /C calc'!A0");
    }
}
