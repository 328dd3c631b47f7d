using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Integration;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;
using SeatGuard.Core.Services;
using SeatGuard.Core.Usage;
using SeatGuard.TestKit;

namespace SeatGuard.Tests.Credentials;

/// <summary>
/// One place gathers the credential inventory: on a Mac whose only login is in the keychain, doctor, run (the
/// planner), verify, the status line and the session-start hook all see that login — none of them says "no /login
/// credentials" while another says "subscription via keychain".
/// </summary>
public sealed class KeychainCallersTests : IDisposable
{
    private readonly SandboxHome _sandbox = new();

    public void Dispose() => _sandbox.Dispose();

    private SeatGuardServices Mac(IKeychainProbe keychain, ICommandRunner? runner = null)
    {
        var services = _sandbox.Services(keychain: keychain);
        return services with { Host = services.Host with { Os = HostOs.MacOS }, Commands = runner ?? services.Commands };
    }

    private static readonly SeatConfig Owner = new("alice", Billing.Subscription, null);

    [Fact]
    public async Task DoctorSeesTheKeychainLogin()
    {
        var services = Mac(new FakeKeychain(true));
        var report = await services.Doctor.DiagnoseAsync(services.Host, new DoctorOptions());
        report.Credential.Contract().ShouldBe((CredentialKind.Login, "keychain", null));
        report.Verdict.ShouldBe(Billing.Subscription);
    }

    [Fact]
    public void RunPlansASubscriptionLaunchOnTheKeychainLogin()
    {
        var services = Mac(new FakeKeychain(true));
        var outcome = services.Planner.Plan(services.Host, new LaunchRequest(Billing.Subscription, null, false, "claude", ["-p", "hi"], null), Owner);
        outcome.Refusal.ShouldBeNull();
        outcome.Plan!.Credential.Contract().ShouldBe((CredentialKind.Login, "keychain", null));

        // Control: without the keychain item the same launch is refused.
        var without = Mac(new FakeKeychain(false));
        without.Planner.Plan(without.Host, new LaunchRequest(Billing.Subscription, null, false, "claude", ["-p", "hi"], null), Owner).Refused.ShouldBeTrue();
    }

    [Fact]
    public async Task VerifyRecordsTheKeychainLogin()
    {
        var runner = new CannedRunner("""
            {"type":"system","subtype":"init","apiKeySource":"none","claude_code_version":"2.1.332","session_id":"s-1","model":"claude-sonnet-5-5"}
            {"type":"rate_limit_event","rate_limit_info":{"status":"allowed","rateLimitType":"five_hour","resetsAt":1900000000}}
            {"type":"result","subtype":"success","is_error":false,"result":"pong","session_id":"s-1","total_cost_usd":0.001}
            """);
        var services = Mac(new FakeKeychain(true), runner);
        var ledger = Path.Combine(_sandbox.Root, "ledger.db");
        var outcome = await services.Verifier.VerifyAsync(services.Host, new VerifyRequest("claude", null, null, TimeSpan.FromSeconds(5)), Owner, () => LedgerStore.Open(ledger));
        outcome.Report.Verdict.ShouldBe(Billing.Subscription);
        var row = LedgerStore.ReadIfExists(ledger).Single();
        (row.CredentialKind, row.CredentialSource).ShouldBe(("login", "keychain"));
    }

    [Fact]
    public void TheStatusLineShowsTheSubscription()
    {
        var services = Mac(new FakeKeychain(true));
        var report = new StatusLine(services.Credentials, new NoUsage()).Report(null, services.Host, null, services.Now);
        report.Verdict.ShouldBe(Billing.Subscription);
        report.Line.ShouldNotContain("no credential");
    }

    [Fact]
    public void TheSessionStartHookStaysQuietOnTheKeychainLogin()
    {
        new SessionStartHook(Mac(new FakeKeychain(true)).Credentials).Evaluate(null, Mac(new FakeKeychain(true)).Host, null, DateTimeOffset.UtcNow).ShouldBeNull();
        // Control: without the keychain item the same directory has no credential, which the hook warns about.
        new SessionStartHook(Mac(new FakeKeychain(false)).Credentials).Evaluate(null, Mac(new FakeKeychain(false)).Host, null, DateTimeOffset.UtcNow).ShouldNotBeNull();
    }

    [Fact]
    public void AConfigDirectoryAsksForItsOwnKeychainItem()
    {
        var keychain = new FakeKeychain(true, service: null);
        var cfg = Path.Combine(_sandbox.Root, "cfg");
        var host = _sandbox.Host(new() { ["CLAUDE_CONFIG_DIR"] = cfg }) with { Os = HostOs.MacOS };
        new CredentialReader(keychain).Gather(host);
        keychain.Asked.Single().ShouldBe(KeychainService.Name(host, cfg));
        keychain.Asked.Single().ShouldStartWith(KeychainService.BaseName + "-");
        keychain.Asked.Single().Length.ShouldBe(KeychainService.BaseName.Length + 9);

        var plain = new FakeKeychain(true, service: null);
        new CredentialReader(plain).Gather(_sandbox.Host() with { Os = HostOs.MacOS });
        plain.Asked.Single().ShouldBe(KeychainService.BaseName);
    }

    [Fact]
    public void ALoginUnderTheDefaultNameIsInvisibleWithAConfigDirectory()
    {
        var host = _sandbox.Host(new() { ["CLAUDE_CONFIG_DIR"] = Path.Combine(_sandbox.Root, "cfg") }) with { Os = HostOs.MacOS };
        BillingResolver.Resolve(new CredentialReader(new FakeKeychain(true)).Gather(host)).Verdict.ShouldBe(Billing.None);
    }

    private sealed class NoUsage : IRecentUsageSource
    {
        public RecentUsage? Read(HostContext host, DateTimeOffset now) => null;
    }

    private sealed class CannedRunner(string stdout) : ICommandRunner
    {
        public Task<CommandResult> RunAsync(CommandSpec spec, CancellationToken cancellationToken = default) =>
            Task.FromResult(new CommandResult(0, stdout.Replace("\r", ""), "", false));

        public Task<CommandResult> RunLinesAsync(CommandSpec spec, Action<string> onLine, CancellationToken cancellationToken = default)
        {
            foreach (var line in stdout.Split('\n')) onLine(line);
            return Task.FromResult(new CommandResult(0, "", "", false));
        }
    }
}
