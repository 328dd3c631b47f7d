using SeatGuard.Core.Common;
using SeatGuard.Core.Common.Processes;
using SeatGuard.Core.Launch;

namespace SeatGuard.Core.Credentials.Probe;

/// <summary>
/// Runs the installed Claude Code once against a <see cref="ProbeEndpoint"/> and reports which credential
/// it actually sent, compared with the model's prediction.
/// </summary>
public sealed class ClaudeProbe(ICommandRunner runner, TimeProvider clock)
{
    /// <summary>Runs the installed claude once against an in-process loopback endpoint and reports which credential it sent, compared with <paramref name="predicted"/>.</summary>
    public async Task<ProbeReport> RunAsync(HostContext host, string claudeExecutable, CredentialInventory inventory, BillingResolution predicted,
        TimeSpan timeout, CancellationToken cancellationToken = default)
    {
        if (RefusalReason(inventory) is { } refusal)
            return new ProbeReport(null, null, CredentialKind.None, null, false, false, refusal);

        await using var endpoint = new ProbeEndpoint(clock);
        var env = new Dictionary<string, string>(host.Environment, StringComparer.Ordinal)
        {
            [BillingVariables.BaseUrl] = endpoint.BaseUrl,
            ["DISABLE_AUTOUPDATER"] = "1",
            ["DISABLE_TELEMETRY"] = "1",
            ["DISABLE_ERROR_REPORTING"] = "1",
            ["CLAUDE_CODE_DISABLE_NONESSENTIAL_TRAFFIC"] = "1",
        };
        // Settings files beat the environment, so the endpoint is also pinned through --settings,
        // which beats user, project and local settings.
        var settings = "{\"env\":{\"" + BillingVariables.BaseUrl + "\":\"" + endpoint.BaseUrl + "\"}}";
        string[] args = ["-p", "ping", "--output-format", "stream-json", "--verbose", "--no-session-persistence", "--tools", "", "--max-turns", "1", "--settings", settings];
        var result = await runner.RunAsync(new CommandSpec(claudeExecutable, args, env, host.WorkingDirectory, timeout), cancellationToken);

        var events = StreamJsonObserver.ReadAll(result.StdOut);
        var observed = endpoint.Observed.FirstOrDefault();
        var (kind, fingerprint) = Attribute(observed, inventory);
        bool agrees = kind == predicted.Winner.Kind && (fingerprint is null || predicted.Winner.Fingerprint is null || fingerprint == predicted.Winner.Fingerprint);
        string? error = result.TimedOut ? $"Claude Code did not finish within {timeout.TotalSeconds:0} s"
            : observed is null && result.ExitCode != 0 ? "Claude Code sent no request: " + Redactor.Scrub(FirstLine(events.ResultText ?? result.StdErr)) : null;
        return new ProbeReport(events.ClaudeVersion, events.ApiKeySource, kind, fingerprint, agrees, events.RateLimitEvent, error);
    }

    /// <summary>When probing could let a request leave the machine, it is refused.</summary>
    public static string? RefusalReason(CredentialInventory inventory)
    {
        if (inventory.CloudFlag is { } flag)
            return $"{flag} routes Claude Code to a cloud provider; a loopback probe cannot observe it without sending a real request.";
        var managed = inventory.Layers.FirstOrDefault(l => l.Scope == SettingsScope.Managed && l.Env.ContainsKey(BillingVariables.BaseUrl));
        if (managed is not null)
            return $"managed settings ({managed.Path}) pin ANTHROPIC_BASE_URL, which a probe cannot override; it would send a real request.";
        return null;
    }

    /// <summary>Which credential the observed headers were, by comparing fingerprints with the inventory's candidates.</summary>
    public static (CredentialKind Kind, string? Fingerprint) Attribute(IReadOnlyList<ObservedHeader>? headers, CredentialInventory inv)
    {
        if (headers is null || headers.Count == 0) return (CredentialKind.None, null);
        var apiKey = headers.FirstOrDefault(h => h.Header == "x-api-key");
        if (apiKey is not null)
        {
            if (inv.Active(BillingVariables.ApiKey)?.Fingerprint == apiKey.Fingerprint || inv.GlobalState.PrimaryApiKeyFingerprint == apiKey.Fingerprint)
                return (CredentialKind.ApiKey, apiKey.Fingerprint);
            return (inv.Helper is not null ? CredentialKind.ApiKeyHelper : CredentialKind.ApiKey, apiKey.Fingerprint);
        }
        var bearer = headers[0];
        if (inv.Active(BillingVariables.AuthToken)?.Fingerprint == bearer.Fingerprint) return (CredentialKind.AuthToken, bearer.Fingerprint);
        if (inv.Active(BillingVariables.OAuthToken)?.Fingerprint == bearer.Fingerprint) return (CredentialKind.OAuthToken, bearer.Fingerprint);
        if (inv.Login?.AccessTokenFingerprint == bearer.Fingerprint) return (CredentialKind.Login, bearer.Fingerprint);
        return (bearer.Prefix == OAuthTokenShape.Prefix ? CredentialKind.Login : CredentialKind.AuthToken, bearer.Fingerprint);
    }

    private static string FirstLine(string text)
    {
        var t = text.Trim();
        int nl = t.IndexOf('\n');
        return nl < 0 ? t : t[..nl];
    }
}
