using System.Text.Json;
using SeatGuard.TestKit;

namespace SeatGuard.Interop.Tests.Launch;

/// <summary>Issue 13's ledger items on the real Claude Code: a forced launch for someone else fails closed; verify --force says and records its warning.</summary>
public sealed class LedgerFailClosedTests
{
    [Fact]
    public async Task AForcedLaunchForSomeoneElseWithAnUnusableLedgerIsRefusedUnlessNoLedger()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);
        env["SEATGUARD_DATA_DIR"] = Path.Combine(sandbox.Root, "data");
        Directory.CreateDirectory(Path.Combine(sandbox.Root, "data", "ledger.db")); // a directory where the database should be

        string[] forced = ["run", "--for", "teammate", "--mode", "subscription", "--force"];
        var refused = await CliHarness.RunAsync(sandbox, env, [.. forced, "--", "-p", "ping", "--no-session-persistence"]);
        refused.ExitCode.ShouldBe(4, refused.ToString());
        refused.StdErr.ShouldContain("the ledger cannot record it");
        refused.StdErr.ShouldContain("--no-ledger");
        standIn.Requests.ShouldBeEmpty();

        var explicitly = await CliHarness.RunAsync(sandbox, env, [.. forced, "--no-ledger", "--", "-p", "ping", "--no-session-persistence"]);
        explicitly.ExitCode.ShouldBe(0, explicitly.ToString());
        explicitly.StdErr.ShouldContain("not recorded (--no-ledger)");
        explicitly.StdErr.ShouldContain("FORCED");

        // The owner's own launch is not forced: a broken ledger is a warning, not a refusal.
        var own = await CliHarness.RunAsync(sandbox, env, "run", "--", "-p", "ping", "--no-session-persistence");
        own.ExitCode.ShouldBe(0, own.ToString());
        own.StdErr.ShouldContain("launch not recorded");
    }

    [Fact]
    public async Task VerifyForcePrintsAndRecordsItsWarningLikeRun()
    {
        using var sandbox = new SandboxHome();
        await using var standIn = await MessagesApiStandIn.StartAsync();
        var env = ClaudeRunner.SeatGuardEnvironment(sandbox, standIn);

        var result = await CliHarness.RunAsync(sandbox, env, "verify", "--for", "teammate", "--mode", "subscription", "--force");
        result.ExitCode.ShouldBe(0, result.ToString());
        result.StdErr.ShouldContain("seatguard: WARNING: FORCED");

        var ledger = await CliHarness.RunAsync(sandbox, env, "ledger", "--json");
        var launch = JsonDocument.Parse(ledger.StdOut).RootElement.GetProperty("launches").EnumerateArray().Single();
        launch.GetProperty("forced").GetBoolean().ShouldBeTrue();
        launch.GetProperty("warning").GetString()!.ShouldContain("FORCED");
        launch.GetProperty("beneficiary").GetString().ShouldBe("teammate");
    }
}
