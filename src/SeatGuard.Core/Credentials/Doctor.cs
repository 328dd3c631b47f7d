using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

/// <summary>
/// The billing-source engine behind <c>seatguard doctor</c>: gathers every layer Claude Code reads (through the
/// one <see cref="CredentialReader"/>), applies the measured precedence, explains the verdict, and optionally
/// probes the real CLI.
/// </summary>
public sealed class Doctor(CredentialReader credentials, ICommandRunner runner, TimeProvider clock)
{
    /// <summary>Gathers the inventory, resolves the verdict, adds findings, and with <see cref="DoctorOptions"/> probe options runs the installed claude against a loopback endpoint.</summary>
    public async Task<DoctorReport> DiagnoseAsync(HostContext host, DoctorOptions options, CancellationToken cancellationToken = default)
    {
        var inventory = credentials.Gather(host, options.ConfigDir);
        var resolution = BillingResolver.Resolve(inventory);
        ProbeReport? probe = null;
        if (options.Probe)
        {
            probe = await new ClaudeProbe(runner, clock).RunAsync(host, options.ClaudeExecutable, inventory, resolution,
                options.ProbeTimeout ?? TimeSpan.FromSeconds(45), cancellationToken);
        }
        return Build(inventory, resolution, probe, clock.GetUtcNow());
    }

    /// <summary>The report for an inventory already gathered (no probe).</summary>
    public static DoctorReport Build(CredentialInventory inventory, BillingResolution resolution, ProbeReport? probe, DateTimeOffset now)
    {
        var findings = BillingAdvisor.Advise(inventory, resolution, now).ToList();
        if (probe is { Agrees: false, Error: null })
        {
            findings.Insert(0, new DoctorFinding("probe-disagrees", Severity.Error,
                $"The real Claude Code sent {probe.Observed.Name()} while SeatGuard's model predicted {resolution.Winner.Kind.Name()}: trust the observation.",
                "Please report this with `seatguard doctor --probe --json` output (it holds no secrets)."));
        }
        return new DoctorReport(resolution.Verdict, BillingWords.Summary(inventory, resolution.Winner), resolution.Winner, resolution.Shadowed, resolution.AlsoSent,
            findings, resolution.Interactive, inventory.BaseUrl, inventory.ProjectDir, inventory.ConfigDir, probe);
    }
}
