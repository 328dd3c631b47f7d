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
            probe = await new ClaudeProbe(credentials, runner, clock).RunAsync(host, options.ClaudeExecutable, inventory, resolution,
                options.ProbeTimeout ?? TimeSpan.FromSeconds(45), options.TrustProject, options.ConfigDir, cancellationToken);
        }
        return Build(inventory, resolution, probe, clock.GetUtcNow());
    }

    /// <summary>The report for an inventory already gathered.</summary>
    public static DoctorReport Build(CredentialInventory inventory, BillingResolution resolution, ProbeReport? probe, DateTimeOffset now)
    {
        var interactive = BillingResolver.Resolve(inventory, StartMode.Interactive);
        var bare = BillingResolver.Resolve(inventory, StartMode.Bare);
        var findings = BillingAdvisor.Advise(inventory, resolution, bare, now).ToList();
        string summary = BillingWords.Summary(inventory, resolution);
        if (probe is { Agrees: false, Error: null })
        {
            summary = $"The real Claude Code disagrees with SeatGuard here: it sent {BillingWords.Observed(probe)}, while SeatGuard predicted {BillingWords.Describe(resolution.Winner)}. Trust the observation.";
            findings.Insert(0, new DoctorFinding("probe-disagrees", Severity.Error,
                $"The real Claude Code{(probe.ClaudeVersion is { } v ? " " + v : "")} sent {BillingWords.Observed(probe)} while SeatGuard's model predicted {resolution.Winner.Kind.Name()}: trust the observation.",
                "Please report this with `seatguard doctor --probe --json` output (it holds no secrets); `seatguard doctor --probe --matrix` shows which rule changed."));
        }
        foreach (var note in probe?.Notes ?? [])
            findings.Add(new DoctorFinding(note.Id, note.Severity, note.Message, note.Fix));
        var modes = new[] { resolution, interactive, bare }
            .Select(r => new StartModeAnswer(r.Mode, r.Verdict, r.Winner, BillingWords.Summary(inventory, r), r.Refusal)).ToArray();
        return new DoctorReport(resolution.Verdict, summary, resolution.Winner, resolution.Shadowed, resolution.AlsoSent,
            findings, resolution.Interactive, inventory.BaseUrl, inventory.ProjectDir, inventory.ConfigDir, probe)
        {
            Modes = modes,
            Refusal = resolution.Refusal,
        };
    }
}
