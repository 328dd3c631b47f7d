using System.Security.Cryptography;
using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// Runs the installed Claude Code once against a <see cref="ProbeEndpoint"/> — hardened as <see cref="ProbeLaunch"/>
/// describes, so it runs no command the inspected directory defines and its request can only reach SeatGuard's own
/// listener — and reports which credential it actually sent, compared with the model's prediction for that same launch.
/// </summary>
public sealed class ClaudeProbe(CredentialReader credentials, ICommandRunner runner, TimeProvider clock)
{
    /// <summary>Runs the installed claude once against an in-process loopback endpoint and reports which credential it sent, compared with <paramref name="predicted"/>.</summary>
    public async Task<ProbeReport> RunAsync(HostContext host, string claudeExecutable, CredentialInventory inventory, BillingResolution predicted,
        TimeSpan timeout, bool trustProject = false, string? configDir = null, CancellationToken cancellationToken = default)
    {
        if (RefusalReason(inventory) is { } refusal)
            return new ProbeReport(null, null, CredentialKind.None, null, false, false, refusal);

        await using var endpoint = new ProbeEndpoint(clock);
        var baseUrl = endpoint.BaseUrl;
        var notes = new List<ProbeNote>();
        string? marker = null;
        if (ProbeLaunch.HelperFromRepository(inventory) && !trustProject)
        {
            marker = "seatguard-probe-helper-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            notes.Add(new ProbeNote("probe-helper-not-run", Severity.Info,
                $"The probe did not run the apiKeyHelper of {inventory.Helper!.Path} (a repository's command); a stand-in helper printing a marker took its place, so the probe shows whether the helper slot wins, not what the command prints.",
                "Pass --trust-project to let the probe run the repository's apiKeyHelper."));
        }
        var env = ProbeLaunch.Environment(host.Environment, baseUrl);
        var settings = ProbeLaunch.Settings(baseUrl, host.Environment, inventory, marker);
        var flagLayer = SettingsLayer.FromObject(SettingsScope.Flag, "--settings", settings);
        var launched = credentials.Gather(host.WithEnvironment(env), configDir, [flagLayer]);
        var expected = BillingResolver.Resolve(launched);

        string[] args = [.. ProbeLaunch.PingArguments, "--settings", settings.ToJsonString()];
        var result = await runner.RunAsync(new CommandSpec(claudeExecutable, args, env, host.WorkingDirectory, timeout), cancellationToken);

        var events = StreamJsonObserver.ReadAll(result.StdOut);
        var request = endpoint.Messages(baseUrl).FirstOrDefault();
        var known = marker is null ? null : new Dictionary<string, CredentialKind> { [Redactor.Fingerprint(marker)] = CredentialKind.ApiKeyHelper };
        var seen = WireAttribution.Attribute(request, launched, expected, known);
        bool agrees = WireAttribution.Agrees(seen, expected) && SameAnswer(expected, predicted);

        string? error = null;
        if (result.TimedOut) error = $"Claude Code did not finish within {timeout.TotalSeconds:0} s";
        else if (request is null && events.SawResult && events.IsError != true)
            error = "Claude Code reported a completed request, but it did not reach SeatGuard's listener: something (a proxy, managed settings) sent it elsewhere. The observation is not trustworthy.";
        else if (request is null && result.ExitCode != 0 && expected.Winner.Kind != CredentialKind.None)
            error = "Claude Code sent no request: " + Redactor.Scrub(FirstLine(events.ResultText ?? result.StdErr));
        if (seen.EmptyCredential)
        {
            notes.Add(new ProbeNote("probe-empty-credential", Severity.Error,
                "Claude Code sent an empty credential: the apiKeyHelper failed or printed nothing, and it still took the place of every other credential (the subscription is not used).",
                $"Fix or remove the apiKeyHelper in {inventory.Helper?.Path ?? "your settings"}."));
        }
        return new ProbeReport(events.ClaudeVersion, events.ApiKeySource, seen.Kind, seen.Fingerprint, agrees && error is null, events.RateLimitEvent, error)
        {
            SecondCredential = seen.Second,
            ReachedListener = request is not null,
            EmptyCredential = seen.EmptyCredential,
            HelperRun = marker is null,
            Notes = notes,
        };
    }

    /// <summary>The probe's launch predicts what the static verdict predicts (else its "agrees" would not speak for the verdict).</summary>
    private static bool SameAnswer(BillingResolution launch, BillingResolution staticVerdict) =>
        launch.Winner.Kind == staticVerdict.Winner.Kind;

    /// <summary>When probing could let a request leave the machine, it is refused.</summary>
    public static string? RefusalReason(CredentialInventory inventory)
    {
        if (inventory.CloudFlag is { } flag)
            return $"{flag} routes Claude Code to {BillingVariables.CloudName(flag)}; a loopback probe cannot observe it without sending a real request.";
        foreach (var managed in inventory.Layers.Where(l => l.Scope == SettingsScope.Managed && l.Usable))
        {
            if (managed.Env.ContainsKey(BillingVariables.BaseUrl))
                return $"managed settings ({managed.Path}) pin ANTHROPIC_BASE_URL, which a probe cannot override; it would send a real request.";
            if (managed.Env.Keys.FirstOrDefault(k => BillingVariables.Proxies.Contains(k, StringComparer.OrdinalIgnoreCase)) is { } proxy)
                return $"managed settings ({managed.Path}) set {proxy}, which a probe cannot override; the request would go through that proxy.";
        }
        return null;
    }

    private static string FirstLine(string text)
    {
        var t = text.Trim();
        int nl = t.IndexOf('\n');
        return nl < 0 ? t : t[..nl];
    }
}
