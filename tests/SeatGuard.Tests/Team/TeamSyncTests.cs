using System.Text.Json;
using SeatGuard.Core.Team;
using SeatGuard.TestKit;
using SeatGuard.Tests.Usage;

namespace SeatGuard.Tests.Team;

/// <summary>The sync's logic against a store in memory: what it sends, what it skips, what a broken-off sync leaves.</summary>
public sealed class TeamSyncTests : IDisposable
{
    private readonly string _key = TeamSamples.NewTeamKey();
    private readonly string _token = FakeTokens.OAuthToken();
    private readonly TeamMachineHome _home;

    public TeamSyncTests()
    {
        _home = TeamSamples.Machine("alice", "laptop", "alice", "Europe/Berlin", _key, _token, corpusSeed: 7);
        var sessions = _home.Sessions();
        TeamSamples.AddLaunches(_home,
            TeamSamples.Launch(new DateTimeOffset(2026, 10, 2, 9, 0, 0, TimeSpan.Zero), "alice", "alice", "subscription", _token, sessions[0], overage: true),
            TeamSamples.Launch(new DateTimeOffset(2026, 10, 3, 9, 0, 0, TimeSpan.Zero), "alice", "client-acme", "api-key", FakeTokens.ApiKey(), sessions[1], mode: "api-key"));
    }

    public void Dispose() => _home.Dispose();

    private async Task<(CliResult Result, SyncReport? Report)> SyncAsync(InMemoryTeamStore.Data data)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var terminal = new SeatGuard.Cli.Output.Terminal(stdout, stderr, color: false);
        var services = _home.Sandbox.Services(_home.Env, terminal.RawOut) with { TeamStores = data.Factory };
        int code = await SeatGuard.Cli.CliApp.RunAsync(["sync", "--store", "postgresql://u@h/team", "--machine", _home.Machine, "--json"], terminal, services);
        var result = new CliResult(code, stdout.ToString(), stderr.ToString());
        return (result, code == 0 ? JsonSerializer.Deserialize(result.StdOut, TeamJson.Default.SyncReport) : null);
    }

    [Fact]
    public async Task ASecondSyncSendsNothingAndTheRowsAddUpToUsageDaily()
    {
        var data = new InMemoryTeamStore.Data();
        var (first, report) = await SyncAsync(data);
        first.ExitCode.ShouldBe(0, first.ToString());
        report!.Days.Sent.ShouldBe(report.Days.Local);
        report.Days.Local.ShouldBeGreaterThan(5);
        report.Launches.Sent.ShouldBe(2);

        var (_, again) = await SyncAsync(data);
        again!.Days.Sent.ShouldBe(0);
        again.Days.Unchanged.ShouldBe(report.Days.Local);
        again.Launches.Sent.ShouldBe(0);
        again.MachineId.ShouldBe(report.MachineId);

        var daily = await CliHarness.RunAsync(_home.Sandbox, _home.Env, "usage", "daily", "--json");
        using var doc = JsonDocument.Parse(daily.StdOut);
        var totals = doc.RootElement.GetProperty("totals");
        var rows = data.Days.Values.SelectMany(d => d.Rows).ToList();
        rows.Sum(r => r.TotalTokens).ShouldBe(totals.GetProperty("totalTokens").GetInt64());
        rows.Sum(r => r.InputTokens).ShouldBe(totals.GetProperty("inputTokens").GetInt64());
        rows.Sum(r => r.CostUsd).ShouldBe(totals.GetProperty("totalCost").GetDouble(), 1e-9);
        doc.RootElement.GetProperty("daily").GetArrayLength().ShouldBe(report.Days.Local, "one stored day per usage daily row, in the machine's time zone");
        rows.Select(r => r.BillingSource).Distinct().Order().ShouldBe(["api-key", "subscription", "unrecorded"]);
    }

    [Fact]
    public async Task OnlyTheDaysWhoseTranscriptsChangedAreSentAgain()
    {
        var data = new InMemoryTeamStore.Data();
        await SyncAsync(data);
        var file = Directory.EnumerateFiles(Path.Combine(_home.Sandbox.ClaudeDir, "projects"), "*.jsonl", SearchOption.AllDirectories).Order(StringComparer.Ordinal).First();
        File.AppendAllText(file, Lines.Assistant("2026-12-24T10:00:00.000Z", "msg_new_1", "req_new_1", "claude-sonnet-4-5-20250929", 1000, 200) + "\n");
        data.ReplacedDays.Clear();

        var (_, report) = await SyncAsync(data);

        report!.Days.Sent.ShouldBe(1);
        data.ReplacedDays.ShouldBe([new DateOnly(2026, 12, 24)]);
    }

    [Fact]
    public async Task ASyncThatBreaksOffLeavesWholeDaysAndTheNextOneFinishes()
    {
        var data = new InMemoryTeamStore.Data { FailAfterWrites = 4 };
        var (broken, _) = await SyncAsync(data);
        broken.ExitCode.ShouldBe(1, broken.ToString());
        broken.StdErr.ShouldContain("run `seatguard sync` again");
        int partial = data.Days.Count;
        partial.ShouldBe(3, "the machine row, then three days");

        data.FailAfterWrites = null;
        var (_, report) = await SyncAsync(data);
        report!.Days.Unchanged.ShouldBe(partial);
        report.Days.Sent.ShouldBe(report.Days.Local - partial);
    }

    [Fact]
    public async Task NoCredentialAndNoRawFingerprintLeavesTheMachine()
    {
        var data = new InMemoryTeamStore.Data();
        var (_, report) = await SyncAsync(data);

        var sent = JsonSerializer.Serialize(data.Launches.Values.Select(l => l.Launch).ToList()) + JsonSerializer.Serialize(data.Machines.Values.ToList());
        sent.ShouldNotContain(_token[^20..]);
        sent.ShouldNotContain("sha256:");
        sent.ShouldNotContain(SeatGuard.Core.Common.Redactor.Fingerprint(_token)[7..]);
        report!.Doctor.Verdict.ShouldBe("subscription");
        report.Doctor.Fingerprint.ShouldBe(data.Launches.Values.Single(l => l.Launch.Verdict == "subscription").Launch.Fingerprint);
        report.Doctor.Fingerprint!.ShouldStartWith("hmac:");
    }

    [Fact]
    public async Task WithoutTheTeamSecretNothingIsSent()
    {
        _home.Env.Remove("SEATGUARD_TEAM_KEY");
        var data = new InMemoryTeamStore.Data();
        var (result, _) = await SyncAsync(data);

        result.ExitCode.ShouldBe(2);
        result.StdErr.ShouldContain("SEATGUARD_TEAM_KEY");
        data.Machines.ShouldBeEmpty();
    }
}
