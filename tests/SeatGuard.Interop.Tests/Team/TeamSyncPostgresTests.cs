using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Team;

/// <summary>
/// Bar team-store: three machines sync to a real PostgreSQL server, twice and at the same time, and the team report's
/// totals equal the sum of the machines' own `usage daily` totals; the OAuth token two people share is a pooled seat;
/// nothing secret reaches the store.
/// </summary>
public sealed class TeamSyncPostgresTests : IDisposable
{
    private readonly TeamFixture _team = new();
    public void Dispose() => _team.Dispose();

    private static JsonElement Parse(string json)
    {
        try
        {
            using var doc = JsonDocument.Parse(json);
            return doc.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException("not JSON (" + e.Message + "):\n" + json, e);
        }
    }

    [PostgresFact]
    public async Task ThreeMachinesSyncedTwiceAndConcurrentlyAddUpToTheirOwnUsageDaily()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();

        // Every machine twice, all six syncs at once, each its own process.
        var runs = await Task.WhenAll(_team.All.Concat(_team.All).Select(m => TeamFixture.RunProcessAsync(m, db.Url, ["sync", "--json", .. _team.Names(m)])));
        foreach (var r in runs) r.ExitCode.ShouldBe(0, r.ToString());
        // And once more each, one after the other: nothing left to send.
        foreach (var m in _team.All)
        {
            var again = await TeamFixture.RunProcessAsync(m, db.Url, ["sync", "--json", .. _team.Names(m)]);
            again.ExitCode.ShouldBe(0, again.ToString());
            var report = Parse(again.StdOut);
            report.GetProperty("days").GetProperty("sent").GetInt32().ShouldBe(0, again.StdOut);
            report.GetProperty("launches").GetProperty("sent").GetInt32().ShouldBe(0, again.StdOut);
            report.GetProperty("days").GetProperty("local").GetInt32().ShouldBeGreaterThan(5);
            report.GetProperty("person").GetString().ShouldBe(m.Person);
            report.GetProperty("machine").GetString().ShouldBe(m.Machine);
        }

        var team = await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, "team", "report", "--store", db.Url, "--json");
        team.ExitCode.ShouldBe(1, "a red finding is reported\n" + team);
        var json = Parse(team.StdOut);
        var totals = json.GetProperty("totals");
        var single = new List<JsonElement>();
        foreach (var m in _team.All) single.Add(await TeamFixture.DailyTotalsAsync(m));
        // What a mismatch needs to be explained (seen once in CI, not reproduced): the machines the store holds, each
        // machine's own totals, what the people's rows add up to, and what every sync said.
        var why = string.Join("\n",
            [
                "machines: " + string.Join("; ", await db.ColumnAsync("SELECT row_to_json(m)::text FROM machines m ORDER BY 1")),
                "usage daily inputTokens per machine: " + string.Join(", ", _team.All.Select((m, i) => $"{m.Machine}={single[i].GetProperty("inputTokens").GetInt64()}")),
                "team report people: " + string.Join(", ", json.GetProperty("people").EnumerateArray().Select(p => p.GetRawText())),
                .. runs.Select(r => "sync: " + r.StdOut.ReplaceLineEndings(" ")),
            ]);
        foreach (var field in new[] { "inputTokens", "outputTokens", "cacheCreationTokens", "cacheReadTokens", "totalTokens" })
            totals.GetProperty(field).GetInt64().ShouldBe(single.Sum(t => t.GetProperty(field).GetInt64()), field + "\n" + why);
        var costSum = single.Sum(t => t.GetProperty("totalCost").GetDouble());
        totals.GetProperty("totalCost").GetDouble().ShouldBe(costSum, Math.Max(1e-9, costSum * 1e-12));

        // Per person: their machine's own usage daily cost; launches by billing source from their ledger.
        var people = json.GetProperty("people").EnumerateArray().ToDictionary(p => p.GetProperty("person").GetString()!);
        people.Keys.Order().ShouldBe(["alice", "bob", "carol"]);
        for (int i = 0; i < 3; i++)
            people[_team.All[i].Person].GetProperty("costUsd").GetDouble().ShouldBe(single[i].GetProperty("totalCost").GetDouble(), 1e-9);
        people["carol"].GetProperty("machines").EnumerateArray().Select(x => x.GetString()).ShouldBe(["ci-box"]);
        var alice = people["alice"];
        alice.GetProperty("launches").GetProperty("subscription").GetInt32().ShouldBe(3);
        alice.GetProperty("launches").GetProperty("api-key").GetInt32().ShouldBe(1);
        alice.GetProperty("forOthers").GetInt32().ShouldBe(1);
        alice.GetProperty("overageEvents").GetInt32().ShouldBe(1);
        alice.GetProperty("costBySource").EnumerateObject().Select(p => p.Name).ShouldContain("subscription");

        // The shared OAuth token is a pooled seat of alice and bob, named by its keyed fingerprint only.
        var findings = json.GetProperty("findings").EnumerateArray().ToList();
        var pooled = findings.Single(f => f.GetProperty("id").GetString() == "pooled-seat");
        pooled.GetProperty("tier").GetString().ShouldBe("red");
        pooled.GetProperty("people").EnumerateArray().Select(x => x.GetString()).ShouldBe(["alice", "bob"]);
        pooled.GetProperty("machines").EnumerateArray().Select(x => x.GetString()).ShouldBe(["desk", "laptop"]);
        pooled.GetProperty("fingerprint").GetString()!.ShouldMatch("^hmac:[0-9a-f]{16}$");
        findings.ShouldContain(f => f.GetProperty("id").GetString() == "subscription-for-others" && f.GetProperty("message").GetString()!.Contains("dave"));
        findings.ShouldNotContain(f => f.GetProperty("people").EnumerateArray().Any(p => p.GetString() == "carol") && f.GetProperty("id").GetString() == "pooled-seat");

        // What the store holds: schema version 1, keyed fingerprints, never a token or its plain fingerprint.
        (await db.ColumnAsync("SELECT version FROM schema_version ORDER BY version")).ShouldBe(["1"]);
        (await db.ColumnAsync("SELECT count(*) FROM machines")).ShouldBe(["3"]);
        var dump = await db.DumpAsync();
        foreach (var secret in new[] { _team.SharedToken, _team.CarolToken, _team.ApiKey, _team.TeamKey })
        {
            dump.ShouldNotContain(secret[^16..]);
            dump.ShouldNotContain(SeatGuard.Core.Common.Redactor.Fingerprint(secret)[7..]);
        }
        dump.ShouldNotContain("sha256:");
        dump.ShouldNotContain(_team.Alice.Sandbox.Home);
        dump.ShouldNotContain("claude -p");
    }

    [PostgresFact]
    public async Task AMachineWhoseTranscriptsChangedReplacesOnlyThoseDaysAndTotalsFollow()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        foreach (var m in _team.All) (await CliHarness.RunAsync(m.Sandbox, m.Env, ["sync", "--store", db.Url, .. _team.Names(m)])).ExitCode.ShouldBe(0);

        // Claude Code goes on writing on alice's laptop: a new day and one more response on an old one.
        var file = Directory.EnumerateFiles(Path.Combine(_team.Alice.Sandbox.ClaudeDir, "projects"), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        var last = File.ReadLines(file).Last(l => l.Contains("\"type\":\"assistant\"", StringComparison.Ordinal));
        File.AppendAllText(file, last.Replace("\"msg_01", "\"msg_02", StringComparison.Ordinal).Replace("\"req_011", "\"req_012", StringComparison.Ordinal) + "\n" +
            last.Replace("\"msg_01", "\"msg_03", StringComparison.Ordinal).Replace("\"req_011", "\"req_013", StringComparison.Ordinal)
                .Replace("\"timestamp\":\"2026-", "\"timestamp\":\"2027-", StringComparison.Ordinal) + "\n");

        var sync = await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, ["sync", "--store", db.Url, "--json", .. _team.Names(_team.Alice)]);
        sync.ExitCode.ShouldBe(0, sync.ToString());
        Parse(sync.StdOut).GetProperty("days").GetProperty("sent").GetInt32().ShouldBe(2, sync.StdOut);

        var team = Parse((await CliHarness.RunAsync(_team.Bob.Sandbox, _team.Bob.Env, "team", "report", "--store", db.Url, "--json")).StdOut);
        long expected = 0;
        foreach (var m in _team.All) expected += (await TeamFixture.DailyTotalsAsync(m)).GetProperty("totalTokens").GetInt64();
        team.GetProperty("totals").GetProperty("totalTokens").GetInt64().ShouldBe(expected);

        // --since counts only the days from then on, on every machine.
        var since = Parse((await CliHarness.RunAsync(_team.Bob.Sandbox, _team.Bob.Env, "team", "report", "--store", db.Url, "--since", "2027-01-01", "--json")).StdOut);
        since.GetProperty("people").EnumerateArray().Single(p => p.GetProperty("person").GetString() == "alice").GetProperty("totalTokens").GetInt64().ShouldBeGreaterThan(0);
        since.GetProperty("people").EnumerateArray().Where(p => p.GetProperty("person").GetString() != "alice").ShouldAllBe(p => p.GetProperty("totalTokens").GetInt64() == 0);
    }

    [PostgresFact]
    public async Task TheHtmlPageShowsThePooledSeatInRed()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        foreach (var m in _team.All) (await CliHarness.RunAsync(m.Sandbox, m.Env, ["sync", "--store", db.Url, .. _team.Names(m)])).ExitCode.ShouldBe(0);
        var file = Path.Combine(_team.Alice.Sandbox.Root, "team.html");

        var result = await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, "team", "report", "--store", db.Url, "--html", file);

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdOut.ShouldContain("pooled-seat");
        var html = File.ReadAllText(file);
        html.ShouldContain("<div class=\"finding red\" data-finding=\"pooled-seat\">");
        html.ShouldContain("alice, bob");
        html.ShouldNotContain(_team.SharedToken[^16..]);
    }

    [PostgresFact]
    public async Task ConcurrentFirstConnectionsMigrateOnceAndANewerSchemaIsLeftAlone()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        var host = _team.Alice.Sandbox.Host();
        var address = SeatGuard.Core.Team.TeamStoreAddress.Parse(db.Url, host);
        await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            await using var store = SeatGuard.Core.Team.PostgresTeamStore.Open(address);
            await store.OpenAsync(CancellationToken.None);
        }));
        (await db.ColumnAsync("SELECT version FROM schema_version")).ShouldBe(["1"]);

        await db.ExecuteAsync("INSERT INTO schema_version (version, applied_by) VALUES (2, 'seatguard from the future')");
        var sync = await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, ["sync", "--store", db.Url, .. _team.Names(_team.Alice)]);
        sync.ExitCode.ShouldBe(1, sync.ToString());
        sync.StdErr.ShouldContain("schema version 2");
        (await db.ColumnAsync("SELECT count(*) FROM machines")).ShouldBe(["0"]);
    }

    [PostgresFact]
    public async Task ARoleThatMayOnlyReadCanReportButNotSync()
    {
        await using var db = await TestPostgres.CreateDatabaseAsync();
        (await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, ["sync", "--store", db.Url, .. _team.Names(_team.Alice)])).ExitCode.ShouldBe(0);
        var role = "sg_reader_" + Guid.NewGuid().ToString("N")[..8];
        var password = "r" + Guid.NewGuid().ToString("N");
        await db.ExecuteAsync($"CREATE ROLE {role} LOGIN PASSWORD '{password}'; GRANT CONNECT ON DATABASE {db.Name} TO {role}; " +
                              $"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role}; REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        var (host, port) = TestPostgres.Endpoint(db.Url);
        var url = $"postgresql://{role}:{password}@{host}:{port}/{db.Name}";

        var report = await CliHarness.RunAsync(_team.Bob.Sandbox, _team.Bob.Env, "team", "report", "--store", url, "--json");
        report.ExitCode.ShouldBe(0, report.ToString());
        Parse(report.StdOut).GetProperty("people").GetArrayLength().ShouldBe(1);

        var sync = await CliHarness.RunAsync(_team.Bob.Sandbox, _team.Bob.Env, ["sync", "--store", url, .. _team.Names(_team.Bob)]);
        sync.ExitCode.ShouldBe(1, sync.ToString());
        sync.StdErr.ShouldContain("permission denied");
        sync.StdErr.ShouldNotContain(password);
    }

    [Fact]
    public async Task AnUnreachableStoreIsExitOneWithTheAddressButNotThePassword()
    {
        var password = "pw" + FakeTokens.Body(12);
        var result = await CliHarness.RunAsync(_team.Alice.Sandbox, _team.Alice.Env, "sync", "--store", $"postgresql://seatguard:{password}@127.0.0.1:1/none?connect_timeout=3");

        result.ExitCode.ShouldBe(1, result.ToString());
        result.StdErr.ShouldContain("postgresql://seatguard@127.0.0.1:1/none");
        result.StdErr.ShouldNotContain(password);
    }
}
