using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Net;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials;
using SeatGuard.Core.Launch;
using SeatGuard.Core.Ledger;
using SeatGuard.Core.Team;

namespace SeatGuard.Core.Services;

/// <summary>
/// Every side effect SeatGuard's core may use, created once by the program that hosts it (the CLI's composition
/// root, a test, or another .NET program) and passed down: the host (environment, HOME, working directory), the
/// clock, the door to captured and to pass-through processes, the macOS keychain probe, downloads. The capabilities'
/// workflows are built from it here, so each of them is wired the same way everywhere.
/// </summary>
public sealed record SeatGuardServices(
    HostContext Host,
    TimeProvider Clock,
    ICommandRunner Commands,
    IProcessLauncher Processes,
    IKeychainProbe Keychain)
{
    /// <summary>Downloads for <c>--from URL</c> (policy and price books).</summary>
    public IUrlFetcher Web { get; init; } = new SystemUrlFetcher();

    /// <summary>The same services looking at another working directory (<c>--dir</c>).</summary>
    public SeatGuardServices ForDirectory(string? directory) =>
        string.IsNullOrEmpty(directory) ? this : this with { Host = Host.WithWorkingDirectory(Path.GetFullPath(directory, Host.WorkingDirectory)) };

    /// <summary>The one entry point that gathers the credential inventory.</summary>
    public CredentialReader Credentials => new(Keychain);

    /// <summary>The doctor, wired to these services.</summary>
    public Doctor Doctor => new(Credentials, Commands, Clock);

    /// <summary>The launch planner, wired to these services.</summary>
    public LaunchPlanner Planner => new(Credentials);

    /// <summary>The launcher, wired to these services.</summary>
    public Launcher Launcher => new(Planner, Processes, Clock);

    /// <summary>The verifier, wired to these services.</summary>
    public Verifier Verifier => new(Credentials, Commands, Clock);

    /// <summary>Opens the team store at an address (PostgreSQL; tests and other programs may put another store here).</summary>
    public Func<TeamStoreAddress, ITeamStore> TeamStores { get; init; } = PostgresTeamStore.Open;

    public TeamSync TeamSync => new(TeamStores, Doctor, Clock);

    public TeamReporter TeamReporter => new(TeamStores, Clock);

    /// <summary>SeatGuard's user config (owner, expected mode).</summary>
    public SeatConfig Config() => SeatConfig.Load(Host);

    /// <summary>Where the ledger lives.</summary>
    public string LedgerPath => LedgerStore.DefaultPath(Host);

    /// <summary>Opens (creating if needed) the ledger.</summary>
    public LedgerStore OpenLedger() => LedgerStore.Open(LedgerPath);

    /// <summary>The current time from <see cref="Clock"/>.</summary>
    public DateTimeOffset Now => Clock.GetUtcNow();
}
