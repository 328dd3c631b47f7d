using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Team;

/// <summary>
/// Bar no-partial-day: a sync whose connection is cut (by a proxy that resets it mid-stream, or by the server
/// terminating its backend mid-transaction) leaves every day as it was before or as it is now, never half; the next
/// sync finishes the job.
/// </summary>
public sealed class DroppedConnectionTests : IDisposable
{
    private readonly TeamFixture _team = new();
    public void Dispose() => _team.Dispose();

    private TeamMachineHome Alice => _team.Alice;

    /// <summary>The machine's rows of every day, as text, from the store.</summary>
    private static async Task<Dictionary<string, string>> DaysAsync(TestDatabase db)
    {
        var rows = await db.ColumnAsync("""
            SELECT day::text || '|' || string_agg(model || ',' || project || ',' || billing_source || ',' || total_tokens || ',' || cost_usd, ';' ORDER BY model, project, billing_source)
            FROM usage GROUP BY day ORDER BY day
            """);
        return rows.ToDictionary(r => r!.Split('|')[0], r => r!.Split('|')[1]);
    }

    private static async Task<HashSet<string>> RecordedDaysAsync(TestDatabase db) => [.. (await db.ColumnAsync("SELECT day::text FROM usage_days")).Select(d => d!)];

    private async Task<CliResult> SyncAsync(string url) =>
        await CliHarness.RunAsync(Alice.Sandbox, Alice.Env, ["sync", "--store", url, "--json", .. _team.Names(Alice)]);

    [PostgresFact]
    public async Task ACutAnywhereLeavesOnlyWholeDaysAndTheNextSyncFinishes()
    {
        // The complete picture, and how many bytes a full first sync sends.
        await using var reference = await TestPostgres.CreateDatabaseAsync();
        var (host, port) = TestPostgres.Endpoint(reference.Url);
        long total;
        await using (var measure = new CuttingProxy(host, port))
        {
            (await SyncAsync(TestPostgres.WithEndpoint(reference.Url, "127.0.0.1", measure.Port))).ExitCode.ShouldBe(0);
            total = measure.ClientBytes;
        }
        var complete = await DaysAsync(reference);
        complete.Count.ShouldBeGreaterThan(5);

        int partialRuns = 0;
        foreach (var fraction in new[] { 0.3, 0.5, 0.7, 0.85, 0.97 })
        {
            await using var db = await TestPostgres.CreateDatabaseAsync();
            await using (var proxy = new CuttingProxy(host, port) { CutAfterClientBytes = (long)(total * fraction) })
            {
                var cut = await SyncAsync(TestPostgres.WithEndpoint(db.Url, "127.0.0.1", proxy.Port));
                proxy.Cut.ShouldBeTrue($"cut at {fraction}");
                cut.ExitCode.ShouldBe(1, $"cut at {fraction}: {cut}");
                cut.StdErr.ShouldContain("run `seatguard sync` again");
            }
            var days = await DaysAsync(db);
            foreach (var (day, rows) in days) rows.ShouldBe(complete[day], $"day {day} after a cut at {fraction} is whole");
            (await RecordedDaysAsync(db)).ShouldBe(days.Keys.ToHashSet(), ignoreOrder: true);
            if (days.Count > 0 && days.Count < complete.Count) partialRuns++;

            var resumed = await SyncAsync(db.Url);
            resumed.ExitCode.ShouldBe(0, resumed.ToString());
            using var report = JsonDocument.Parse(resumed.StdOut);
            report.RootElement.GetProperty("days").GetProperty("sent").GetInt32().ShouldBe(complete.Count - days.Count);
            (await DaysAsync(db)).ShouldBe(complete);
        }
        partialRuns.ShouldBeGreaterThan(0, "some cut fell between the first and the last day");
    }

    [PostgresFact]
    public async Task ABackendTerminatedInsideADaysTransactionLeavesTheOldDay()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        (await SyncAsync(db.Url)).ExitCode.ShouldBe(0);
        var before = await DaysAsync(db);

        // New responses on an existing day; then hold the day table so the sync stops inside that day's transaction.
        var file = Directory.EnumerateFiles(Path.Combine(Alice.Sandbox.ClaudeDir, "projects"), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var last = File.ReadLines(file).Last(l => l.Contains("\"type\":\"assistant\"", StringComparison.Ordinal));
        File.AppendAllText(file, last.Replace("\"msg_01", "\"msg_09", StringComparison.Ordinal).Replace("\"req_011", "\"req_019", StringComparison.Ordinal) + "\n");

        await using var holder = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await holder.OpenAsync();
        await using var hold = await holder.BeginTransactionAsync();
        await using (var lockCmd = new Npgsql.NpgsqlCommand("LOCK TABLE usage_days IN EXCLUSIVE MODE", holder, hold)) await lockCmd.ExecuteNonQueryAsync();

        // pg_stat_activity is a snapshot per transaction: watch from a connection of its own.
        await using var watcher = new Npgsql.NpgsqlConnection(db.ConnectionString);
        await watcher.OpenAsync();
        var url = db.Url + (db.Url.Contains('?') ? "&" : "?") + "application_name=seatguard-victim";
        var sync = TeamFixture.RunProcessAsync(Alice, url, ["sync", .. _team.Names(Alice)]);
        string? pid = null;
        for (int i = 0; i < 600 && pid is null; i++)
        {
            await using var find = new Npgsql.NpgsqlCommand(
                "SELECT pid::text FROM pg_stat_activity WHERE application_name = 'seatguard-victim' AND wait_event_type = 'Lock' AND query LIKE '%usage_days%'", watcher);
            pid = (string?)await find.ExecuteScalarAsync();
            if (pid is null) await Task.Delay(100);
        }
        if (pid is null)
        {
            await using var all = new Npgsql.NpgsqlCommand("SELECT string_agg(application_name || ' ' || coalesce(wait_event_type, '-') || ' ' || state || ' ' || left(query, 60), E'\n') FROM pg_stat_activity", watcher);
            var activity = (string?)await all.ExecuteScalarAsync();
            await hold.RollbackAsync();
            pid.ShouldNotBeNull($"the sync reached the day's transaction and waits there\n{activity}\n{await sync}");
        }
        // Its DELETE and INSERTs of the day are done but not committed: terminate the backend now.
        await using (var usageRows = new Npgsql.NpgsqlCommand("SELECT count(*) FROM pg_locks WHERE pid = " + pid + " AND relation = 'usage'::regclass", watcher))
            ((long)(await usageRows.ExecuteScalarAsync())!).ShouldBeGreaterThan(0);
        await using (var kill = new Npgsql.NpgsqlCommand($"SELECT pg_terminate_backend({pid})", watcher)) await kill.ExecuteScalarAsync();
        await hold.RollbackAsync();

        var result = await sync;
        result.ExitCode.ShouldBe(1, result.ToString());
        (await DaysAsync(db)).ShouldBe(before, "the day being replaced keeps its old rows");

        var resumed = await SyncAsync(db.Url);
        resumed.ExitCode.ShouldBe(0, resumed.ToString());
        var after = await DaysAsync(db);
        after.Count.ShouldBe(before.Count);
        after.Where(d => before[d.Key] != d.Value).ShouldHaveSingleItem();
        (await TeamFixture.DailyTotalsAsync(Alice)).GetProperty("totalTokens").GetInt64()
            .ShouldBe(long.Parse((await db.ColumnAsync("SELECT sum(total_tokens) FROM usage")).Single()!, System.Globalization.CultureInfo.InvariantCulture));
    }
}
