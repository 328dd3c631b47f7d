using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Team;

/// <summary>
/// Three machines of a team with overlapping transcripts and ledgers: alice's laptop and bob's desk share one OAuth
/// token (a pooled seat), carol's CI box has her own and names itself in config.json. Each in its own time zone.
/// </summary>
public sealed class TeamFixture : IDisposable
{
    public string TeamKey { get; } = TeamSamples.NewTeamKey();
    public string SharedToken { get; } = FakeTokens.OAuthToken();
    public string CarolToken { get; } = FakeTokens.OAuthToken();
    public string ApiKey { get; } = FakeTokens.ApiKey();
    public TeamMachineHome Alice { get; }
    public TeamMachineHome Bob { get; }
    public TeamMachineHome Carol { get; }
    public IReadOnlyList<TeamMachineHome> All => [Alice, Bob, Carol];

    private static readonly DateTimeOffset T0 = new(2026, 10, 2, 9, 0, 0, TimeSpan.Zero);

    public TeamFixture()
    {
        Alice = TeamSamples.Machine("alice", "laptop", "alice", "Europe/Berlin", TeamKey, SharedToken, corpusSeed: 11);
        Bob = TeamSamples.Machine("bob", "desk", "bob", "America/New_York", TeamKey, SharedToken, corpusSeed: 12);
        Carol = TeamSamples.Machine("carol", "ci-box", "ci", "UTC", TeamKey, CarolToken, corpusSeed: 13);
        Carol.Sandbox.WriteJson(Path.Combine(Carol.Sandbox.Home, ".config", "seatguard", "config.json"), new Dictionary<string, string> { ["person"] = "carol", ["machine"] = "ci-box", ["owner"] = "carol" });
        TeamSamples.CopyTranscripts(Alice, Bob, every: 2);
        TeamSamples.CopyTranscripts(Alice, Carol, every: 3);

        var a = Alice.Sessions();
        TeamSamples.AddLaunches(Alice,
            TeamSamples.Launch(T0, "alice", "alice", "subscription", SharedToken, a[0]),
            TeamSamples.Launch(T0.AddDays(1), "alice", "alice", "subscription", SharedToken, a[1], overage: true),
            TeamSamples.Launch(T0.AddDays(2), "alice", "alice", "subscription (planned)", SharedToken, a[2]),
            TeamSamples.Launch(T0.AddDays(3), "alice", "client-acme", "api-key", ApiKey, a[3], mode: "api-key"));
        var b = Bob.Sessions();
        TeamSamples.AddLaunches(Bob,
            TeamSamples.Launch(T0.AddHours(5), "bob", "bob", "subscription", SharedToken, b[0]),
            TeamSamples.Launch(T0.AddDays(4), "bob", "bob", "subscription", SharedToken, b[1]));
        var c = Carol.Sessions();
        TeamSamples.AddLaunches(Carol,
            TeamSamples.Launch(T0.AddDays(2), "carol", "dave", "subscription", CarolToken, c[0], forced: true),
            TeamSamples.Launch(T0.AddDays(6), "carol", "carol", "api-key", ApiKey, c[1], mode: "api-key"));
    }

    /// <summary>Command-line names for a machine (carol's come from its config.json).</summary>
    public string[] Names(TeamMachineHome m) => m == Carol ? [] : ["--person", m.Person, "--machine", m.Machine];

    /// <summary>
    /// The CLI from its own build output (bin/CONFIG/net10.0 of SeatGuard.Cli): its deps file lists Npgsql's dependencies,
    /// which the test folder leaves to the ASP.NET Core framework the test kit uses.
    /// </summary>
    public static string SeatguardDll
    {
        get
        {
            var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
            var own = Path.Combine(ToolPaths.RepoRoot, "src", "SeatGuard.Cli", "bin", testBin.Parent!.Name, testBin.Name, "seatguard.dll");
            return File.Exists(own) ? own : Path.Combine(AppContext.BaseDirectory, "seatguard.dll");
        }
    }

    /// <summary>`seatguard ARGS` as its own process, in the machine's environment (a machine of its own, as far as the store can tell).</summary>
    public static Task<ProcessResult> RunProcessAsync(TeamMachineHome m, string store, params string[] args)
    {
        var env = new Dictionary<string, string>(m.Env) { ["SEATGUARD_STORE"] = store, ["DOTNET_ROOT"] = Path.GetDirectoryName(Environment.ProcessPath) ?? "" };
        return ProcessRunner.RunAsync("dotnet", [SeatguardDll, .. args], env, m.Sandbox.Project, timeout: TimeSpan.FromMinutes(4));
    }

    /// <summary>`seatguard usage daily --json` totals of one machine, in-process.</summary>
    public static async Task<JsonElement> DailyTotalsAsync(TeamMachineHome m)
    {
        var result = await CliHarness.RunAsync(m.Sandbox, m.Env, "usage", "daily", "--json");
        result.ExitCode.ShouldBe(0, result.ToString());
        using var doc = JsonDocument.Parse(result.StdOut);
        return doc.RootElement.GetProperty("totals").Clone();
    }

    public void Dispose()
    {
        foreach (var m in All) m.Dispose();
    }
}
