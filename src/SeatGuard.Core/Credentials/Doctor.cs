using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Credentials.Probe;

namespace SeatGuard.Core.Credentials;

public sealed record DoctorOptions(string? ConfigDir = null, bool Probe = false, string ClaudeExecutable = "claude", TimeSpan? ProbeTimeout = null);

/// <summary>
/// The billing-source engine behind <c>seatguard doctor</c>: gathers every layer Claude Code reads,
/// applies the measured precedence, explains the verdict, and optionally probes the real CLI.
/// </summary>
public sealed class Doctor(ICommandRunner runner, TimeProvider clock, IKeychainProbe? keychain = null)
{
    public static Doctor Default { get; } = new(SystemCommandRunner.Instance, TimeProvider.System);

    public DoctorReport Diagnose(HostContext host, DoctorOptions options) =>
        Build(host, options, CredentialInventory.Gather(host, options.ConfigDir, keychain: Keychain(host)), null);

    /// <summary>The keychain probe: the injected one, else the real one on macOS.</summary>
    private IKeychainProbe? Keychain(HostContext host) => keychain ?? (host.Os == HostOs.MacOS ? new MacKeychainProbe(runner, host) : null);

    public async Task<DoctorReport> DiagnoseAsync(HostContext host, DoctorOptions options, CancellationToken cancellationToken = default)
    {
        var inventory = CredentialInventory.Gather(host, options.ConfigDir, keychain: Keychain(host));
        ProbeReport? probe = null;
        if (options.Probe)
        {
            var resolution = BillingResolver.Resolve(inventory);
            probe = await new ClaudeProbe(runner).RunAsync(host, options.ClaudeExecutable, inventory, resolution,
                options.ProbeTimeout ?? TimeSpan.FromSeconds(45), cancellationToken);
        }
        return Build(host, options, inventory, probe);
    }

    private DoctorReport Build(HostContext host, DoctorOptions options, CredentialInventory inventory, ProbeReport? probe)
    {
        var resolution = BillingResolver.Resolve(inventory);
        var findings = BillingAdvisor.Advise(inventory, resolution, clock.GetUtcNow()).ToList();
        if (probe is { Agrees: false, Error: null })
        {
            findings.Insert(0, new Finding("probe-disagrees", Severities.Error,
                $"The real Claude Code sent {probe.Observed} while SeatGuard's model predicted {resolution.Winner.Kind}: trust the observation.",
                "Please report this with `seatguard doctor --probe --json` output (it holds no secrets)."));
        }
        var baseUrl = inventory.Active(BillingVariables.BaseUrl)?.PlainValue;
        return new DoctorReport(resolution.Verdict, Summarise(inventory, resolution), resolution.Winner, resolution.Shadowed, resolution.AlsoSent,
            findings, resolution.Interactive, baseUrl, inventory.ProjectDir, inventory.ConfigDir, probe);
    }

    /// <summary>The verdict in one sentence a user understands.</summary>
    public static string Summarise(CredentialInventory inv, BillingResolution res)
    {
        var w = res.Winner;
        string plan = inv.Login?.PlanWords ?? "Claude subscription";
        return w.Kind switch
        {
            CredentialKinds.OAuthToken => $"This directory bills your {plan} via CLAUDE_CODE_OAUTH_TOKEN ({SourceWords(w.Source)}).",
            CredentialKinds.Login => $"This directory bills your {plan} via your /login credentials ({(w.Source == "keychain" ? "macOS keychain" : w.Source[5..])}).",
            CredentialKinds.ApiKey when w.Source.StartsWith("file:", StringComparison.Ordinal) => $"This directory bills the metered API via the Console-managed key in {w.Source[5..]}, not a subscription.",
            CredentialKinds.ApiKey => $"This directory bills the metered API via ANTHROPIC_API_KEY ({SourceWords(w.Source)}), not your subscription.",
            CredentialKinds.ApiKeyHelper => $"This directory bills the metered API via the apiKeyHelper in {SourceWords(w.Source)}, not your subscription.",
            CredentialKinds.AuthToken => $"This directory sends ANTHROPIC_AUTH_TOKEN ({SourceWords(w.Source)}) to {inv.Active(BillingVariables.BaseUrl)?.PlainValue ?? "the API"}: a gateway bills, not your subscription.",
            CredentialKinds.Cloud => $"This directory bills a cloud provider ({SourceWords(w.Source)}), not your subscription.",
            _ => "Claude Code has no credential here: `claude -p` would fail with \"Not logged in\".",
        };
    }

    private static string SourceWords(string source) => source switch
    {
        _ when source.StartsWith("env:", StringComparison.Ordinal) => "from the environment",
        "settings:user" => "from your user settings",
        "settings:project" => "from this repository's .claude/settings.json",
        "settings:local" => "from this repository's .claude/settings.local.json",
        "settings:managed" => "from managed settings",
        "settings:flag" => "from --settings",
        _ => source,
    };
}
